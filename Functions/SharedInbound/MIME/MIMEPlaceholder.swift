enum MIMEPlaceholder {}

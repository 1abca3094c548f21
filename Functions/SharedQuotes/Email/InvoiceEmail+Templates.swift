extension InvoiceEmail {
    /// `Invoice INV-20270412-A1B2C3 from Acme Travel`.
    static let subjectTemplate = "Invoice {{invoice.id}} from {{company.name}}"

    /// The text/plain body: the same facts as the HTML, one per line.
    static let textTemplate = """
        Dear {{customer.name}},

        Please find attached invoice {{invoice.id}}{{#invoice.destination}} for your trip to {{invoice.destination}}{{/invoice.destination}}.

        Invoice: {{invoice.id}}
        Issued: {{invoice.issued_on}}
        Due date: {{invoice.due_date}}

        {{#invoice.items}}
        - {{description}}: {{quantity}} x {{unit_price}} = {{amount}}
        {{/invoice.items}}
        Subtotal: {{invoice.subtotal}}
        {{#invoice.discount}}
        Discount ({{invoice.discount_percent}}%): -{{invoice.discount}}
        {{/invoice.discount}}
        {{#invoice.tax}}
        Tax ({{invoice.tax_percent}}%): {{invoice.tax}}
        {{/invoice.tax}}
        Total: {{invoice.total}}
        {{#invoice.paid}}
        Paid: {{invoice.paid}}
        {{/invoice.paid}}
        Amount due: {{amount_due}}
        {{#is_paid}}

        This invoice is paid in full. Thank you!
        {{/is_paid}}
        {{^is_paid}}

        Please pay {{amount_due}} by {{invoice.due_date}}{{#is_overdue}} (this invoice is now overdue){{/is_overdue}}.
        {{#has_banking}}

        PAYMENT DETAILS
        {{#banking_lines}}
        {{label}}: {{value}}
        {{/banking_lines}}
        {{/has_banking}}
        Payment reference: {{payment_reference}}
        Please quote this reference with your payment.
        {{/is_paid}}
        {{#invoice.notes}}

        Notes: {{invoice.notes}}
        {{/invoice.notes}}

        {{#signature}}
        {{signature}}
        {{/signature}}
        {{^signature}}
        Kind regards,
        {{company.name}}
        {{/signature}}
        {{#company.contact}}

        {{company.name}} · {{company.contact}}
        {{/company.contact}}

        """

    /// The text/html body: tables and inline styles, the tenant's primary colour as the header band.
    static let htmlTemplate = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Invoice {{invoice.id}} from {{company.name}}</title>
        </head>
        <body style="margin:0;padding:0;background-color:#f4f5f7;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
        <tr><td align="center" style="padding:24px 12px;">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#222222;">
        <tr><td style="background-color:{{colors.primary}};padding:24px;color:#ffffff;">
        <div style="font-size:22px;font-weight:bold;">{{company.name}}</div>
        <div style="font-size:14px;margin-top:4px;">Invoice {{invoice.id}}</div>
        </td></tr>
        <tr><td style="padding:24px 24px 8px;font-size:15px;line-height:22px;">
        <p style="margin:0 0 16px;">Dear {{customer.name}},</p>
        <p style="margin:0 0 16px;">Please find attached invoice {{invoice.id}}{{#invoice.destination}} for your trip to {{invoice.destination}}{{/invoice.destination}}.</p>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:14px;line-height:20px;">
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:130px;">Invoice</td><td style="padding:2px 0;">{{invoice.id}}</td></tr>
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:130px;">Issued</td><td style="padding:2px 0;">{{invoice.issued_on}}</td></tr>
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:130px;">Due date</td><td style="padding:2px 0;font-weight:bold;">{{invoice.due_date}}</td></tr>
        </table>
        </td></tr>
        <tr><td style="padding:8px 24px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:1px solid #e1e4e8;border-top:4px solid {{colors.secondary}};font-size:14px;line-height:20px;">
        {{#invoice.items}}
        <tr><td style="padding:6px 8px 6px 16px;">{{description}}</td><td style="padding:6px 8px;color:#666666;white-space:nowrap;">{{quantity}} &times; {{unit_price}}</td><td align="right" style="padding:6px 16px 6px 8px;white-space:nowrap;">{{amount}}</td></tr>
        {{/invoice.items}}
        <tr><td colspan="2" style="padding:6px 8px 2px 16px;border-top:1px solid #e1e4e8;color:#666666;">Subtotal</td><td align="right" style="padding:6px 16px 2px 8px;border-top:1px solid #e1e4e8;">{{invoice.subtotal}}</td></tr>
        {{#invoice.discount}}
        <tr><td colspan="2" style="padding:2px 8px 2px 16px;color:#666666;">Discount ({{invoice.discount_percent}}%)</td><td align="right" style="padding:2px 16px 2px 8px;">-{{invoice.discount}}</td></tr>
        {{/invoice.discount}}
        {{#invoice.tax}}
        <tr><td colspan="2" style="padding:2px 8px 2px 16px;color:#666666;">Tax ({{invoice.tax_percent}}%)</td><td align="right" style="padding:2px 16px 2px 8px;">{{invoice.tax}}</td></tr>
        {{/invoice.tax}}
        <tr><td colspan="2" style="padding:2px 8px 2px 16px;color:#666666;">Total</td><td align="right" style="padding:2px 16px 2px 8px;">{{invoice.total}}</td></tr>
        {{#invoice.paid}}
        <tr><td colspan="2" style="padding:2px 8px 2px 16px;color:#666666;">Paid</td><td align="right" style="padding:2px 16px 2px 8px;">{{invoice.paid}}</td></tr>
        {{/invoice.paid}}
        <tr><td colspan="2" style="padding:8px 8px 12px 16px;font-weight:bold;">Amount due</td><td align="right" style="padding:8px 16px 12px 8px;font-weight:bold;font-size:18px;color:{{colors.primary}};white-space:nowrap;">{{amount_due}}</td></tr>
        </table>
        </td></tr>
        <tr><td style="padding:16px 24px 24px;font-size:15px;line-height:22px;">
        {{#is_paid}}
        <p style="margin:0 0 16px;">This invoice is paid in full. Thank you!</p>
        {{/is_paid}}
        {{^is_paid}}
        <p style="margin:0 0 16px;">Please pay <strong>{{amount_due}}</strong> by <strong>{{invoice.due_date}}</strong>{{#is_overdue}} (this invoice is now overdue){{/is_overdue}}.</p>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;background-color:#f4f5f7;font-size:14px;line-height:20px;">
        <tr><td style="padding:16px;">
        {{#has_banking}}
        <div style="font-weight:bold;margin-bottom:6px;">Payment details</div>
        {{#banking_lines}}
        <div><span style="color:#666666;">{{label}}:</span> {{value}}</div>
        {{/banking_lines}}
        {{/has_banking}}
        <div style="margin-top:6px;"><span style="color:#666666;">Payment reference:</span> <strong>{{payment_reference}}</strong></div>
        <div style="color:#666666;font-size:12px;margin-top:4px;">Please quote this reference with your payment.</div>
        </td></tr>
        </table>
        {{/is_paid}}
        {{#invoice.notes}}
        <p style="margin:0 0 16px;white-space:pre-line;">{{invoice.notes}}</p>
        {{/invoice.notes}}
        <p style="margin:0;">{{#signature_html}}{{{signature_html}}}{{/signature_html}}{{^signature_html}}Kind regards,<br>{{company.name}}{{/signature_html}}</p>
        </td></tr>
        <tr><td style="padding:16px 24px;background-color:#f4f5f7;font-size:12px;line-height:18px;color:#666666;">{{company.name}}{{#company.contact_lines}}<br>{{.}}{{/company.contact_lines}}</td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>

        """
}

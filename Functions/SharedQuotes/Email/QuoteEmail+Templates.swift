extension QuoteEmail {
    /// `Your Zanzibar travel quote from Acme Travel`, or `Your travel quote from Acme Travel` without a destination.
    static let subjectTemplate = """
        Your {{#trip.destination}}{{trip.destination}} {{/trip.destination}}travel quote from {{company.name}}
        """

    /// The text/plain body: the same facts as the HTML, one per line.
    static let textTemplate = """
        Dear {{customer.name}},

        Thank you for your enquiry{{#trip.destination}} about {{trip.destination}}{{/trip.destination}}. \
        {{#multiple_options}}Here are {{option_count}} options for your trip, each with its own total.{{/multiple_options}}\
        {{^multiple_options}}Here is your quote.{{/multiple_options}} The full quote is attached as a PDF.

        YOUR TRIP
        {{#trip.destination}}
        Destination: {{trip.destination}}
        {{/trip.destination}}
        {{#trip.dates}}
        Dates: {{trip.dates}}{{#trip.nights_text}} ({{trip.nights_text}}){{/trip.nights_text}}
        {{/trip.dates}}
        Travellers: {{trip.travellers}}
        {{#trip.multiple_rooms}}
        Rooms: {{trip.rooms}}
        {{/trip.multiple_rooms}}
        {{#options}}

        {{title}}{{#hotel}}: {{hotel}}{{/hotel}}{{#rating}} ({{rating}}-star){{/rating}}{{#requested}} - the hotel you asked for{{/requested}}
        {{#room_type}}
        Room: {{room_type}}
        {{/room_type}}
        {{#meal_plan}}
        Meal plan: {{meal_plan}}
        {{/meal_plan}}
        {{#nights_text}}
        Stay: {{nights_text}}
        {{/nights_text}}
        {{#is_items}}
        {{#items}}
        - {{name}}{{#dates}} ({{dates}}){{/dates}}: {{quantity}} x {{unit_price}} = {{total}}
        {{/items}}
        {{/is_items}}
        {{^is_items}}
        {{#per_person}}
        {{label}}: {{amount}}
        {{/per_person}}
        {{/is_items}}
        Total: {{total_text}}
        {{/options}}

        This quote is valid until {{valid_until}}.
        {{#share_url}}
        View your quote online: {{share_url}}
        {{/share_url}}

        Ready to book? Simply reply to this email\
        {{#consultant.name}} or contact {{consultant.name}}{{#consultant.email}} at {{consultant.email}}{{/consultant.email}}\
        {{/consultant.name}} and we will take care of the rest.

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

    /// The text/html body: tables and inline styles only (what email clients render), the tenant's primary colour as
    /// the header band, one card per option.
    static let htmlTemplate = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Your travel quote from {{company.name}}</title>
        </head>
        <body style="margin:0;padding:0;background-color:#f4f5f7;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
        <tr><td align="center" style="padding:24px 12px;">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#222222;">
        <tr><td style="background-color:{{colors.primary}};padding:24px;color:#ffffff;">
        <div style="font-size:22px;font-weight:bold;">{{company.name}}</div>
        <div style="font-size:14px;margin-top:4px;">Travel quote {{quote.id}}</div>
        </td></tr>
        <tr><td style="padding:24px 24px 8px;font-size:15px;line-height:22px;">
        <p style="margin:0 0 16px;">Dear {{customer.name}},</p>
        <p style="margin:0 0 16px;">Thank you for your enquiry{{#trip.destination}} about {{trip.destination}}{{/trip.destination}}. {{#multiple_options}}Here are {{option_count}} options for your trip, each with its own total.{{/multiple_options}}{{^multiple_options}}Here is your quote.{{/multiple_options}} The full quote is attached as a PDF.</p>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:14px;line-height:20px;">
        {{#trip.destination}}
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:110px;">Destination</td><td style="padding:2px 0;">{{trip.destination}}</td></tr>
        {{/trip.destination}}
        {{#trip.dates}}
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:110px;">Dates</td><td style="padding:2px 0;">{{trip.dates}}{{#trip.nights_text}} ({{trip.nights_text}}){{/trip.nights_text}}</td></tr>
        {{/trip.dates}}
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:110px;">Travellers</td><td style="padding:2px 0;">{{trip.travellers}}</td></tr>
        {{#trip.multiple_rooms}}
        <tr><td style="padding:2px 12px 2px 0;color:#666666;width:110px;">Rooms</td><td style="padding:2px 0;">{{trip.rooms}}</td></tr>
        {{/trip.multiple_rooms}}
        </table>
        </td></tr>
        {{#options}}
        <tr><td style="padding:8px 24px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:1px solid #e1e4e8;border-top:4px solid {{colors.secondary}};">
        <tr><td style="padding:16px;font-size:14px;line-height:20px;">
        <div style="font-size:12px;color:#666666;text-transform:uppercase;letter-spacing:1px;">{{title}}{{#requested}} &middot; the hotel you asked for{{/requested}}</div>
        {{#hotel}}
        <div style="font-size:18px;font-weight:bold;margin-top:4px;">{{hotel}}</div>
        {{/hotel}}
        {{#stars}}
        <div style="color:{{colors.accent}};font-size:16px;">{{stars}} <span style="color:#666666;font-size:12px;">{{rating}}-star</span></div>
        {{/stars}}
        {{#room_type}}
        <div style="margin-top:6px;">Room: {{room_type}}</div>
        {{/room_type}}
        {{#meal_plan}}
        <div>Meal plan: {{meal_plan}}</div>
        {{/meal_plan}}
        {{#nights_text}}
        <div>Stay: {{nights_text}}</div>
        {{/nights_text}}
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin-top:10px;font-size:14px;line-height:20px;">
        {{#is_items}}
        {{#items}}
        <tr><td style="padding:3px 8px 3px 0;">{{name}}{{#dates}}<br><span style="color:#666666;font-size:12px;">{{dates}}</span>{{/dates}}{{#description}}<br><span style="color:#666666;font-size:12px;">{{description}}</span>{{/description}}</td><td style="padding:3px 8px;color:#666666;white-space:nowrap;">{{quantity}} &times; {{unit_price}}</td><td align="right" style="padding:3px 0;white-space:nowrap;">{{total}}</td></tr>
        {{/items}}
        {{/is_items}}
        {{^is_items}}
        {{#per_person}}
        <tr><td colspan="2" style="padding:3px 8px 3px 0;color:#666666;">{{label}}</td><td align="right" style="padding:3px 0;white-space:nowrap;">{{amount}}</td></tr>
        {{/per_person}}
        {{/is_items}}
        <tr><td colspan="3" style="border-top:1px solid #e1e4e8;padding-top:8px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="font-weight:bold;">Total</td><td align="right" style="font-weight:bold;font-size:18px;color:{{colors.primary}};">{{total_text}}</td></tr></table></td></tr>
        </table>
        </td></tr>
        </table>
        </td></tr>
        {{/options}}
        <tr><td style="padding:16px 24px 24px;font-size:15px;line-height:22px;">
        <p style="margin:0 0 16px;">This quote is valid until <strong>{{valid_until}}</strong>.</p>
        {{#share_url}}
        <table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;"><tr><td style="background-color:{{colors.primary}};border-radius:4px;"><a href="{{share_url}}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold;">View your quote online</a></td></tr></table>
        {{/share_url}}
        <p style="margin:0 0 16px;">Ready to book? Simply reply to this email{{#consultant.name}} or contact {{consultant.name}}{{#consultant.email}} at <a href="mailto:{{consultant.email}}" style="color:{{colors.primary}};">{{consultant.email}}</a>{{/consultant.email}}{{/consultant.name}} and we will take care of the rest.</p>
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

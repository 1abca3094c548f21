import Quoting
import Runtime
import SharedPlatform
import Testing

/// Tenant templates replace the built-in parts one by one; a stored template that cannot be used falls back.
@Suite struct EmailTemplateOverrideTests {
    typealias F = EmailFixtures

    static func templates(_ members: [String: JSONValue]) -> JSONValue { .object(members) }

    static var builtIn: RenderedEmail {
        get throws { try QuoteEmail.render(F.quote(), branding: F.branding, templates: nil) }
    }

    @Test func aTenantsTemplatesAreUsedPartByPart() throws {
        let templates = Self.templates([
            "quote_email_subject": .string("Quote {{quote.id}} for {{customer.name}}"),
            "quote_email_html": .string("<p>Hi {{customer.name}}, {{#options}}[{{hotel}}: {{total}}]{{/options}}</p>"),
            "quote_email_text": .null,
        ])
        let email = try QuoteEmail.render(F.quote(customer: "Tom & Jerry"), branding: F.branding, templates: templates)
        #expect(email.subject == "Quote QT-20270401-A1B2C3 for Tom & Jerry", "subjects are never HTML-escaped")
        #expect(
            email.html == """
                <p>Hi Tom &amp; Jerry, [Zanzibar Beach Resort: R 25,000.00][Spice Island Lodge: R 31,500.00]\
                [Stone Town Palace: R 40,200.00]</p>
                """)
        let builtIn = try QuoteEmail.render(F.quote(customer: "Tom & Jerry"), branding: F.branding, templates: nil)
        #expect(email.text == builtIn.text, "a null entry keeps the built-in part")
    }

    @Test func nilOrNullTemplatesAreTheBuiltInEmail() throws {
        let nulls = Self.templates(
            Dictionary(
                uniqueKeysWithValues: [
                    "quote_email_subject", "quote_email_text", "quote_email_html",
                ].map { ($0, JSONValue.null) }))
        #expect(try QuoteEmail.render(F.quote(), branding: F.branding, templates: nulls) == Self.builtIn)
        #expect(try QuoteEmail.render(F.quote(), branding: F.branding, templates: .null) == Self.builtIn)
        #expect(try QuoteEmail.render(F.quote(), branding: F.branding, templates: .string("x")) == Self.builtIn)
    }

    /// A template stored before validation (or edited by hand) that no longer parses never breaks a send.
    @Test func aBrokenStoredTemplateFallsBackToTheBuiltInOne() throws {
        let templates = Self.templates([
            "quote_email_subject": .string("{{#quote.id}}never closed"),
            "quote_email_text": .string("{{> partial}}"),
            "quote_email_html": .string("<p>{{#options}}{{hotel}}</p>"),
        ])
        #expect(try QuoteEmail.render(F.quote(), branding: F.branding, templates: templates) == Self.builtIn)
    }

    @Test func unusableOutputFallsBackToo() throws {
        // An empty subject, a blank body, and a body over the 1 MB output cap.
        var explosive = "x"
        for _ in 0..<10 { explosive = "{{#options}}\(explosive)\(explosive){{/options}}" }
        let templates = Self.templates([
            "quote_email_subject": .string("{{missing}}\n"),
            "quote_email_text": .string("  {{missing}}  \n"),
            "quote_email_html": .string(explosive),
        ])
        #expect(try QuoteEmail.render(F.quote(), branding: F.branding, templates: templates) == Self.builtIn)
    }

    /// Only pre-escaped `_html` variables may be written unescaped into HTML; text parts may use triple braces.
    @Test func anHTMLTemplateThatWritesARawValueIsNotUsed() throws {
        let quote = F.quote(customer: "<script>alert(1)</script>")
        let templates = Self.templates([
            "quote_email_html": .string("<p>{{{customer.name}}}</p>"),
            "quote_email_text": .string("Hi {{{customer.name}}}"),
        ])
        let email = try QuoteEmail.render(quote, branding: F.branding, templates: templates)
        #expect(!email.html.contains("<script>"))
        #expect(email.html.contains("&lt;script&gt;"))
        #expect(email.text == "Hi <script>alert(1)</script>")

        let signed = try QuoteEmail.render(
            quote, branding: F.branding,
            templates: Self.templates([
                "quote_email_html": .string("<p>{{customer.name}}</p><p>{{{signature_html}}}</p>")
            ]))
        #expect(
            signed.html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>Kind regards,<br>The &lt;Acme&gt; Team</p>")
    }

    @Test func theInvoiceKeysAreSeparateFromTheQuoteKeys() throws {
        let templates = Self.templates([
            "quote_email_subject": .string("Quote!"),
            "invoice_email_subject": .string("Pay {{amount_due}} by {{invoice.due_date}} (ref {{payment_reference}})"),
            "invoice_email_text": .string("Reference: {{payment_reference}}"),
        ])
        let email = try InvoiceEmail.render(F.invoice(), branding: F.branding, templates: templates)
        #expect(email.subject == "Pay R 25,000.00 by 9 April 2027 (ref ACME-INV-20270402-D4E5F6)")
        #expect(email.text == "Reference: ACME-INV-20270402-D4E5F6")
        #expect(try QuoteEmail.render(F.quote(), branding: F.branding, templates: templates).subject == "Quote!")
    }

    /// What a tenant saves through the config must be a template the email code will use.
    @Test func configValidationAndRenderAgree() throws {
        let config = try TenantConfigSchema.patched(
            stored: nil,
            patch: .object([
                "templates": .object([
                    "quote_email_html": .string("  <h1>{{company.name}}</h1>{{{signature_html}}}\n")
                ])
            ]),
            companyName: "Acme Travel", currency: "ZAR")
        let email = try QuoteEmail.render(F.quote(), branding: F.branding, templates: config["templates"])
        #expect(email.html == "<h1>Acme Travel</h1>Kind regards,<br>The &lt;Acme&gt; Team")
    }
}

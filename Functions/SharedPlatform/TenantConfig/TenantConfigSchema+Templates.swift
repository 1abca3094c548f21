internal import Runtime

extension TenantConfigSchema {
    /// The keys of `templates`, in validation order.
    static let templateKeys = [
        "quote_email_subject", "quote_email_text", "quote_email_html",
        "invoice_email_subject", "invoice_email_text", "invoice_email_html",
    ]
    static let templatesDefaults: JSONValue = .object(
        Dictionary(uniqueKeysWithValues: templateKeys.map { ($0, .null) }))

    /// The longest subject template, in characters.
    static let maxSubjectTemplate = 300
    /// The longest body template, in characters.
    static let maxBodyTemplate = 100_000

    /// `templates` — the tenant's own Mustache templates for the quote and invoice emails (the variables are
    /// documented on `QuoteEmail` and `InvoiceEmail` in Functions/SharedQuotes/Email).
    /// - `quote_email_subject`, `invoice_email_subject`: `null` (default: the built-in subject) or a one-line
    ///   template of at most 300 characters.
    /// - `quote_email_text`, `quote_email_html`, `invoice_email_text`, `invoice_email_html`: `null` (default: the
    ///   built-in body) or a template of at most 100 000 characters (and 100 KB).
    /// - Each must parse as a Mustache template (no partials or set-delimiter tags, sections closed, at most 32
    ///   deep); the 422 message carries the parser's line and column.
    /// - In the `_html` templates, unescaped tags (`{{{x}}}`, `{{& x}}`) may only name pre-escaped variables, whose
    ///   names end in `_html` (`{{{signature_html}}}`): every other value is written HTML-escaped.
    static func validateTemplates(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var templates = try TenantConfigObject(value, at: path, keys: templateKeys)
        for key in templateKeys {
            let isSubject = key.hasSuffix("_subject")
            let isHTML = key.hasSuffix("_html")
            try templates.nullable(key) { text, path throws(HTTPError) in
                try mustacheTemplate(
                    text, at: path, maxLength: isSubject ? maxSubjectTemplate : maxBodyTemplate,
                    oneLine: isSubject, html: isHTML)
            }
        }
        return templates.result
    }

    /// `text` when it is a valid template under the rules of ``validateTemplates(_:at:)``.
    static func mustacheTemplate(_ text: String, at path: String, maxLength: Int, oneLine: Bool, html: Bool)
        throws(HTTPError) -> String
    {
        guard text.count <= maxLength else { throw .invalid(path, "Must be at most \(maxLength) characters.") }
        if oneLine, text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            throw .invalid(path, "Must be one line.")
        }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(text)
        } catch {
            throw .invalid(path, "Not a valid template: \(error.message)")
        }
        if html, let raw = template.unescapedNames.first(where: { !$0.hasSuffix("_html") }) {
            throw .invalid(
                path,
                "Only variables ending in _html may be written unescaped; use {{\(raw)}} instead of {{{\(raw)}}}.")
        }
        return text
    }
}

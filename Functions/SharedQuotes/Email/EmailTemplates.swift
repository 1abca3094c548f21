internal import Runtime

/// One email's built-in templates (subject, text, HTML) and the rule by which a tenant's own replace them.
///
/// Each part is chosen on its own: the tenant's template from the `templates` config section (key
/// `<key>_subject`, `<key>_text`, `<key>_html`) when it is a string that parses, renders within the output limit
/// and yields something (a non-empty subject, a body that is not blank) — and, for HTML, writes unescaped only
/// `_html` variables. Anything else falls back to the built-in part, so a bad stored template never stops a send.
/// Subjects and text bodies render without HTML escaping; the HTML body escapes every `{{value}}`.
struct EmailTemplates: Sendable {
    /// `quote_email` or `invoice_email`.
    let key: String
    let subject: MustacheTemplate
    let text: MustacheTemplate
    let html: MustacheTemplate

    init(key: String, subject: String, text: String, html: String) throws(MustacheError) {
        self.key = key
        self.subject = try MustacheTemplate(subject)
        self.text = try MustacheTemplate(text)
        self.html = try MustacheTemplate(html)
    }

    /// The email for `context`, with the tenant's `overrides` (its `templates` section; nil or `null` entries
    /// mean the built-in part).
    func render(_ context: JSONValue, overrides: JSONValue?) -> RenderedEmail {
        let subjectText = part("subject", builtIn: subject, escaping: .none, context, overrides) {
            !RenderedEmail.subjectLine($0).isEmpty
        }
        let textBody = part("text", builtIn: text, escaping: .none, context, overrides) { !Self.isBlank($0) }
        let htmlBody = part("html", builtIn: html, escaping: .html, context, overrides) { !Self.isBlank($0) }
        return RenderedEmail(subject: subjectText, text: textBody, html: htmlBody)
    }

    private func part(
        _ suffix: String, builtIn: MustacheTemplate, escaping: MustacheTemplate.Escaping,
        _ context: JSONValue, _ overrides: JSONValue?, accept: (String) -> Bool
    ) -> String {
        if let custom = Self.custom(overrides?["\(key)_\(suffix)"], escaping: escaping) {
            let rendering = custom.rendering(context, escaping: escaping)
            if !rendering.isTruncated, accept(rendering.text) { return rendering.text }
        }
        return builtIn.render(context, escaping: escaping)
    }

    /// The tenant's template when the stored value is one that may be used.
    static func custom(_ stored: JSONValue?, escaping: MustacheTemplate.Escaping) -> MustacheTemplate? {
        guard let source = stored?.string, let template = try? MustacheTemplate(source) else { return nil }
        if escaping == .html, template.unescapedNames.contains(where: { !$0.hasSuffix("_html") }) { return nil }
        return template
    }

    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

/// A tag name: `.` (the implicit iterator, no parts) or dotted parts such as `trip.check_in`.
struct MustacheName: Sendable, Equatable {
    /// The name as written, trimmed (closing tags must repeat it exactly).
    let text: String
    /// The dotted parts; empty for `.`.
    let parts: [String]
}

/// One node of a parsed template. Standalone lines are already removed, so text nodes are emitted verbatim.
enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped, unless rendering in text mode), `{{{name}}}` or `{{& name}}` (never escaped).
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    indirect case section(MustacheName, [MustacheNode], inverted: Bool)
}

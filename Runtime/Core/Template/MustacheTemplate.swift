/// A parsed Mustache template (the spec's core: interpolation, sections, inverted sections, comments, standalone
/// lines), rendered against a ``JSONValue`` context. Parse once, render many times, from any thread.
///
/// - `{{name}}` is HTML-escaped (`& < > " '`) in ``Escaping/html`` mode; `{{{name}}}` and `{{& name}}` never are.
///   ``Escaping/none`` is for text/plain bodies and subjects, where escaping would show `&amp;` to the reader.
/// - Names resolve against the context stack from the innermost section outwards; in a dotted name `a.b.c` only
///   `a` walks the stack, the rest is looked up inside what `a` found. `{{.}}` is the current context.
/// - Missing names and `null` render as nothing; whole numbers render without `.0`; booleans as `true`/`false`;
///   arrays and objects as nothing.
/// - Sections skip for a missing name, `null`, `false`, `""` and `[]`; repeat once per element of a non-empty
///   array (the element pushed on the stack); otherwise render once with the value pushed.
/// - Outside this subset, refused with a ``MustacheError`` (line and column): partials `{{>…}}` and set-delimiter
///   tags `{{=…=}}`. There are no lambdas.
/// - Limits: a source of at most ``maxSourceBytes``; sections nested at most ``maxDepth`` deep. Rendering stops
///   after ``maxOutputBytes`` of output or ``maxSteps`` steps (a node, or one pass through a section); the result
///   is then cut short and
///   ``Rendering/isTruncated`` is set (``render(_:escaping:)`` returns the cut text).
public struct MustacheTemplate: Sendable {
    /// Whether `{{name}}` escapes HTML.
    public enum Escaping: Sendable {
        /// `&`, `<`, `>`, `"`, `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`.
        case html
        /// Values are written as they are (text/plain, subjects).
        case none
    }

    /// A rendered text and whether a limit cut it short.
    public struct Rendering: Sendable, Equatable {
        public let text: String
        /// The output reached its byte limit or the step limit; `text` is incomplete (possibly mid-entity).
        public let isTruncated: Bool

        public init(text: String, isTruncated: Bool) {
            self.text = text
            self.isTruncated = isTruncated
        }
    }

    /// The largest template source accepted: 100 KB of UTF-8.
    public static let maxSourceBytes = 100 * 1024
    /// The deepest nesting of sections accepted.
    public static let maxDepth = 32
    /// The default output cap: 1 MB of UTF-8.
    public static let maxOutputBytes = 1024 * 1024
    /// Steps (nodes visited plus passes through sections) before rendering gives up: bounds nested loops that
    /// produce little output.
    public static let maxSteps = 1_000_000

    let nodes: [MustacheNode]
    /// The names used in `{{{…}}}` and `{{&…}}` tags, in order of appearance (repeats kept). Callers that allow
    /// unescaped output only for pre-escaped values check them.
    public let unescapedNames: [String]

    /// Parses `source`.
    ///
    /// - Throws: ``MustacheError`` with the line and column of the first problem: an unclosed tag or section, a
    ///   mismatched or stray closing tag, an invalid name, a partial or set-delimiter tag, a source over
    ///   ``maxSourceBytes`` or sections nested deeper than ``maxDepth``.
    public init(_ source: String) throws(MustacheError) {
        let parsed = try MustacheParser.parse(source)
        nodes = parsed.nodes
        unescapedNames = parsed.unescaped
    }

    /// The template rendered with `context` as the bottom of the context stack (cut at ``maxOutputBytes``).
    public func render(_ context: JSONValue, escaping: Escaping = .html) -> String {
        rendering(context, escaping: escaping).text
    }

    /// The template rendered with `context`, stopping after `limit` bytes of output or ``maxSteps`` steps.
    public func rendering(_ context: JSONValue, escaping: Escaping = .html, limit: Int = maxOutputBytes) -> Rendering {
        var renderer = MustacheRenderer(escaping: escaping, limit: max(0, limit), context: context)
        renderer.render(nodes)
        return Rendering(text: renderer.output, isTruncated: renderer.truncated)
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their HTML entities — what `{{name}}` writes.
    public static func htmlEscaped(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

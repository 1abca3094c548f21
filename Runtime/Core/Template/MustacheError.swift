/// Why a Mustache template was refused, and where: 1-based `line` and `column` (in characters) of the offending
/// tag's opening `{{` (or of the section that was never closed).
///
/// The ``message`` quotes only the template's own text (tag names), never any rendering data, so it is safe to
/// show to the template's author in a 422.
public struct MustacheError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong; a struct over a private enum so cases can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case tooLarge = "too_large"
            case tooDeep = "too_deep"
            case unclosedTag = "unclosed_tag"
            case invalidName = "invalid_name"
            case unsupportedTag = "unsupported_tag"
            case unclosedSection = "unclosed_section"
            case unexpectedClose = "unexpected_close"
            case mismatchedClose = "mismatched_close"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The source is longer than ``MustacheTemplate/maxSourceBytes``.
        public static let tooLarge = Code(.tooLarge)
        /// Sections nest deeper than ``MustacheTemplate/maxDepth``.
        public static let tooDeep = Code(.tooDeep)
        /// A `{{` (or `{{{`) without its closing braces.
        public static let unclosedTag = Code(.unclosedTag)
        /// An empty tag, or a name with spaces or empty dotted parts.
        public static let invalidName = Code(.invalidName)
        /// Partials (`{{>`) and set-delimiter tags (`{{=`), which this renderer does not implement.
        public static let unsupportedTag = Code(.unsupportedTag)
        /// A `{{#x}}` or `{{^x}}` without its `{{/x}}`.
        public static let unclosedSection = Code(.unclosedSection)
        /// A `{{/x}}` with no open section.
        public static let unexpectedClose = Code(.unexpectedClose)
        /// A `{{/y}}` that closes a section opened as `{{#x}}`.
        public static let mismatchedClose = Code(.mismatchedClose)

        /// The snake_case name, e.g. `unclosed_section`.
        public var description: String { value.rawValue }
    }

    public let code: Code
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column of the problem, counted in characters.
    public let column: Int
    /// The sentence without its position, e.g. `Section {{#options}} is never closed.`
    public let reason: String

    public init(_ code: Code, line: Int, column: Int, reason: String) {
        self.code = code
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `Line 3, column 5: Section {{#options}} is never closed.`
    public var message: String { "Line \(line), column \(column): \(reason)" }

    public var description: String { message }
}

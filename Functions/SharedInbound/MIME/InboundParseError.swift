/// Why an inbound post could not be read at all; its `description` never holds message content.
///
/// Malformed mail is read on a best-effort basis and never throws: only posts over the limits, or with no
/// mail in them, do.
public struct InboundParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String {
            case tooLarge = "too_large"
            case tooDeep = "too_deep"
            case tooManyParts = "too_many_parts"
            case empty = "empty"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The message (or post) is over ``InboundParser/Limits/maxBytes``.
        public static let tooLarge = Code(.tooLarge)
        /// Multiparts are nested deeper than ``InboundParser/Limits/maxDepth``.
        public static let tooDeep = Code(.tooDeep)
        /// The message has more than ``InboundParser/Limits/maxParts`` MIME parts.
        public static let tooManyParts = Code(.tooManyParts)
        /// The post holds no mail: no `email` field and none of the parsed fields, or only whitespace.
        public static let empty = Code(.empty)

        public var description: String { value.rawValue }
    }

    public var code: Code
    /// A short English sentence, safe to log and to show.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

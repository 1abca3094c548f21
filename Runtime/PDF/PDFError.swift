/// A PDF that could not be made: what went wrong (``code``) and cairo's message or our reason (``detail``).
///
/// Neither field ever holds document text or image bytes, so the error is safe to log.
public struct PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. A struct over a private enum, so cases can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case cairo
            case invalidImage = "invalid_image"
            case imageTooLarge = "image_too_large"
            case finished
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// cairo reported an error (out of memory, a write error, an invalid state); ``PDFError/detail`` holds
        /// `cairo_status_to_string`'s text.
        public static var cairo: Code { Code(.cairo) }
        /// The bytes are not a PNG cairo can decode (wrong signature, truncated, corrupt).
        public static var invalidImage: Code { Code(.invalidImage) }
        /// The PNG is larger than ``PDFImage/maxBytes`` or ``PDFImage/maxSide`` pixels on a side.
        public static var imageTooLarge: Code { Code(.imageTooLarge) }
        /// ``PDFDocument/finish()`` was called a second time.
        public static var finished: Code { Code(.finished) }

        /// A stable snake_case name, e.g. `invalid_image`.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// cairo's message or our own reason; never document content.
    public let detail: String

    /// An error of `code` with a short reason.
    public init(_ code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    /// `pdf <code>: <detail>`.
    public var description: String { "pdf \(code): \(detail)" }
}

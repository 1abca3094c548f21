/// A document that cannot be indexed for a reason its uploader can act on (a corrupt PDF, a scanned PDF, a damaged
/// DOCX). ``message`` is shown as the document's `error_message`: a plain sentence with no paths, no stack and no
/// internal detail. Failures of the platform itself (database, spawning) are other errors and are retried.
public struct KnowledgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code for tests and logs.
    public let code: String
    /// The user-readable reason.
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func unreadable(_ format: String, _ reason: String) -> KnowledgeError {
        KnowledgeError("unreadable_\(format)", "The \(format.uppercased()) could not be read: \(reason)")
    }

    static let noText = KnowledgeError("no_text", "The document contains no extractable text.")
}

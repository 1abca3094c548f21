/// One part of a `multipart/form-data` body: a form field or an uploaded file.
///
/// Everything in it is untrusted client input. In particular `filename` is whatever the client claimed
/// (it may hold `../` or a Windows path): never use it as a file system path.
public struct MultipartPart: Sendable {
    /// The form field name from `Content-Disposition: form-data; name="…"`.
    public var name: String
    /// The file name from `filename*=` (RFC 8187, preferred) or `filename=`; nil for plain fields.
    public var filename: String?
    /// The part's `Content-Type` value as sent (parameters included), or nil when absent.
    public var contentType: String?
    /// All headers of the part, names lower-cased.
    public var headers: Headers
    /// The raw content, without the line break that precedes the next boundary.
    public var body: [UInt8]

    /// A part as given; the parser fills `headers` with every header it read.
    public init(name: String, filename: String? = nil, contentType: String? = nil, headers: Headers = [:],
                body: [UInt8] = []) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// The content as UTF-8 text; invalid sequences become U+FFFD.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

extension Array where Element == MultipartPart {
    /// The first part named `name`.
    public func first(named name: String) -> MultipartPart? { first { $0.name == name } }
}

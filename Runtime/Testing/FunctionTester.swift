internal import FoundationEssentials
public import Logging
public import Runtime

/// Runs a function's ``Responder`` in-process: builds a ``Request``, answers it with the given services,
/// returns the ``Response``. No socket, no FastCGI (Hummingbird's `.router` test mode).
///
/// Not Sendable when `Services` is not; use it on the test's own thread like a worker would.
public struct FunctionTester<Services> {
    /// The function under test.
    public let responder: Responder<Services>
    /// What a worker thread would own (usually in-memory fakes).
    public let services: Services
    /// The logger every request is answered with.
    public let logger: Logger

    /// - Parameters:
    ///   - logger: where the access log goes; ``LogCapture/logger(label:level:)`` to assert on it.
    public init(responder: Responder<Services>, services: Services, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.responder = responder
        self.services = services
        self.logger = logger
    }

    /// A tester for `router` under the function name `function`.
    public init(function: String = "test", router: Router<Services>, services: Services,
                logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.init(responder: Responder(function: function, router: router), services: services, logger: logger)
    }

    /// Answers a request for `target` (a path with an optional `?query`).
    public func execute(_ method: HTTPMethod, _ target: String, headers: Headers = [:], body: [UInt8] = [],
                        requestID: String = RequestID.generate()) -> Response {
        responder.respond(to: Self.request(method, target, headers: headers, body: body, requestID: requestID),
                          services: services, logger: logger)
    }

    /// Answers a request whose body is `json` encoded with the shared coder, sent as `application/json`.
    ///
    /// - Throws: `EncodingError` when `json` cannot be encoded.
    public func execute(_ method: HTTPMethod, _ target: String, json: some Encodable, headers: Headers = [:])
        throws -> Response
    {
        var headers = headers
        headers["content-type"] = JSON.contentType
        return execute(method, target, headers: headers, body: try JSON.encode(json))
    }

    /// The request `execute` sends: path and query split at the first `?`, `content-length` set for a body.
    public static func request(_ method: HTTPMethod, _ target: String, headers: Headers = [:], body: [UInt8] = [],
                               requestID: String = RequestID.generate()) -> Request {
        let path = target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
        let query = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
        var headers = headers
        if !body.isEmpty, headers["content-length"] == nil { headers["content-length"] = String(body.count) }
        return Request(method: method, path: path, queryString: query, headers: headers, body: body,
                       remoteAddress: "127.0.0.1", requestID: requestID)
    }
}

extension Response {
    /// The body as UTF-8 text (lossy).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Decodes the body as `T` with the shared coder.
    ///
    /// - Throws: `DecodingError` when the body does not decode.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSON.decoder().decode(T.self, from: Data(body))
    }

    /// The body as a JSON object.
    public func jsonObject() throws -> [String: JSONValue] { try JSONValue.object(from: body) }
}

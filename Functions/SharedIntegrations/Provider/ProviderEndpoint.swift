internal import FoundationEssentials
internal import Logging
internal import Runtime
internal import RuntimeHTTPClient

/// One provider's base URL, transport and logger: sends a request, logs the call (operation, status, duration;
/// never URL, headers or body) and turns every failure into a ``ProviderError``.
///
/// Shared by the SendGrid-accounts, Twilio, VAPI and Google clients. Not Sendable: it holds the thread's
/// transport.
struct ProviderEndpoint {
    let provider: String
    /// The base URL without a trailing slash.
    let baseURL: String
    let transport: any ProviderTransport
    let logger: Logger
    /// Per-call total timeout; nil uses the transport's default.
    let timeout: Duration?

    init(provider: String, baseURL: String, transport: any ProviderTransport, logger: Logger, timeout: Duration?) {
        self.provider = provider
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.transport = transport
        self.logger = logger
        self.timeout = timeout
    }

    /// Sends `method path` and returns the 2xx response.
    /// - Parameter errorDetail: extracts the provider's (code, message) from an error body.
    /// - Throws: ``ProviderError``: mapped from the status, or `.transport` when no answer came.
    func call(_ operation: String, _ method: String, _ path: String, headers: [(String, String)],
              body: [UInt8] = [], deadline: Deadline?,
              errorDetail: ([UInt8]) -> (code: Int?, message: String?) = ProviderEndpoint.genericErrorDetail)
        throws(ProviderError) -> HTTPClientResponse
    {
        let request = HTTPClientRequest(method: method, url: baseURL + path, headers: headers, body: body,
                                        timeout: timeout)
        let started = ContinuousClock.now
        let response: HTTPClientResponse
        do {
            response = try transport.send(request, deadline: deadline)
        } catch {
            let reason = "\(error.code)"
            logger.warning("provider call failed", metadata: [
                "provider": .string(provider), "operation": .string(operation), "error": .string(reason),
                "duration_ms": .stringConvertible(Self.milliseconds(since: started)),
            ])
            throw ProviderError(provider: provider, code: .transport, providerMessage: reason)
        }
        logger.info("provider call", metadata: [
            "provider": .string(provider), "operation": .string(operation),
            "http.status": .stringConvertible(response.status),
            "duration_ms": .stringConvertible(Self.milliseconds(since: started)),
        ])
        guard response.isSuccess else {
            let detail = errorDetail(response.body)
            throw Self.error(provider: provider, response: response, providerCode: detail.code,
                             message: detail.message)
        }
        return response
    }

    /// Decodes a 2xx body as `T`.
    /// - Throws: ``ProviderError/Code/malformedResponse`` when the body is not that shape.
    func decode<T: Decodable>(_ type: T.Type, from response: HTTPClientResponse) throws(ProviderError) -> T {
        do {
            return try JSON.decoder().decode(T.self, from: Data(response.body))
        } catch {
            throw ProviderError(provider: provider, code: .malformedResponse, status: response.status)
        }
    }

    /// Maps a non-2xx response to an error code.
    static func error(provider: String, response: HTTPClientResponse, providerCode: Int?, message: String?)
        -> ProviderError
    {
        let code: ProviderError.Code
        switch response.status {
        case 401: code = .unauthorized
        case 403: code = .forbidden
        case 404: code = .notFound
        case 409: code = .conflict
        case 429: code = .rateLimited
        case 400..<500: code = .rejected
        default: code = .unavailable
        }
        let retryAfter = response.headers["retry-after"].flatMap { Int($0.filter { $0 != " " }) }
        return ProviderError(provider: provider, code: code, status: response.status, providerCode: providerCode,
                             providerMessage: message, retryAfterSeconds: retryAfter)
    }

    /// Reads `message` (string, or the first of an array) and a numeric `code` from a JSON error body.
    static func genericErrorDetail(_ body: [UInt8]) -> (code: Int?, message: String?) {
        guard let object = try? JSONValue.object(from: body) else { return (nil, nil) }
        let message = object["message"]?.string ?? object["message"]?.array?.first?.string
            ?? object["error"]?.string
        return (object["code"]?.number.map { Int($0) }, message)
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

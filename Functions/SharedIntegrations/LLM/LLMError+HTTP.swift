internal import FoundationEssentials
internal import Runtime
internal import RuntimeHTTPClient

extension LLMError {
    /// Classifies a failure of the HTTP exchange itself (no answer from the server).
    init(transport error: HTTPClientError) {
        switch error.code {
        case .timeout:
            self.init(.timeout, detail: "no answer within the timeout or the caller's deadline")
        case .responseTooLarge:
            self.init(.badResponse, detail: "the response exceeded \(LLMClient.maxResponseBytes) bytes")
        case .insecureURL, .invalidURL, .invalidRequest, .invalidConfiguration:
            self.init(.invalidConfiguration, detail: "the HTTP client refused the request (\(error.code))")
        default:
            self.init(.unavailable, detail: "the server could not be reached (\(error.code))")
        }
    }

    /// Classifies a non-2xx answer by status, keeping OpenAI's `error.code`/`type` but never its `message`.
    init(response: HTTPClientResponse) {
        let envelope = try? JSONDecoder().decode(LLMWire.ErrorEnvelope.self, from: Data(response.body))
        let providerCode = envelope?.error.code ?? envelope?.error.type
        let status = response.status
        let code: Code
        switch status {
        case 401, 403: code = .unauthorized
        case 408: code = .timeout
        case 429: code = .rateLimited
        case 400..<500: code = .badRequest
        case 500..<600: code = .unavailable
        default: code = .badResponse
        }
        let retryAfter = (status == 429 || status == 503) ? Self.retryAfter(response.headers) : nil
        self.init(
            code, status: status, retryAfter: retryAfter, providerCode: providerCode,
            detail: "the server answered \(status)")
    }

    /// `retry-after-ms` (OpenAI) or `Retry-After` in delta-seconds; HTTP-date values are ignored.
    static func retryAfter(_ headers: Headers) -> Duration? {
        if let text = headers["retry-after-ms"], let milliseconds = Double(text), milliseconds >= 0,
            milliseconds < 86_400_000
        {
            return .milliseconds(Int(milliseconds.rounded(.up)))
        }
        if let text = headers["retry-after"], let seconds = Int(text.trimmingSpaces), (0...86_400).contains(seconds) {
            return .seconds(seconds)
        }
        return nil
    }

    /// Decodes a 2xx body of the OpenAI shape, or throws `bad_response` naming only the failing field path.
    static func decodeWire<Response: Decodable>(_ type: Response.Type, from body: [UInt8], status: Int)
        throws(LLMError) -> Response
    {
        do {
            return try JSONDecoder().decode(Response.self, from: Data(body))
        } catch let error as DecodingError {
            throw LLMError(
                .badResponse, status: status,
                detail: "the response does not follow the OpenAI format \(error.fieldPath)")
        } catch {
            throw LLMError(.badResponse, status: status, detail: "the response is not JSON")
        }
    }
}

extension DecodingError {
    /// `(at choices[0].message)`: the coding path only, never a value; empty when the JSON itself is broken.
    var fieldPath: String {
        let context: Context
        var keys: [any CodingKey] = []
        switch self {
        case .keyNotFound(let key, let found):
            context = found
            keys = [key]
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found):
            context = found
        @unknown default:
            return ""
        }
        let path = (context.codingPath + keys).map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }
            .joined().drop { $0 == "." }
        return path.isEmpty ? "(malformed JSON)" : "(at \(path))"
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

public import Logging
internal import Glibc

/// A swift-log handler that writes one JSON object per line.
///
/// Fields: `ts` (RFC 3339 UTC), `level`, `msg`, then every metadata key with dots turned into underscores
/// (`request.id` → `request_id`). Values of keys that look secret (`password`, `token`, `secret`,
/// `authorization`, `api_key`, `cookie`) are replaced by `"[redacted]"` as a last line of defence.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let sink: @Sendable (String) -> Void

    /// - Parameters:
    ///   - sink: where finished lines go; standard error (fd 2) by default.
    public init(label: String, level: Logger.Level = .info, sink: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        var line = #"{"ts":"# + HTTPError.quoted(Timestamp.now()) + #","level":"# + HTTPError.quoted(event.level.rawValue)
        line += #","msg":"# + HTTPError.quoted(event.message.description)
        for key in fields.keys.sorted() {
            let name = key.replacingDots()
            guard name != "ts", name != "level", name != "msg", let value = fields[key] else { continue }
            line += "," + HTTPError.quoted(name) + ":" + (Self.isSecret(name) ? "\"[redacted]\"" : Self.render(value))
        }
        sink(line + "}\n")
    }

    /// Writes to file descriptor 2 in one `write`, so concurrent lines do not interleave.
    public static let standardError: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(2, base + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }

    static func isSecret(_ key: String) -> Bool {
        let lower = key.lowercased()
        return ["password", "token", "secret", "authorization", "api_key", "apikey", "cookie"].contains { lower.contains($0) }
    }

    private static func render(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return HTTPError.quoted(text)
        case .stringConvertible(let convertible):
            let text = convertible.description
            if convertible is LogNull { return "null" }
            if convertible is Int || convertible is Int32 || convertible is Bool { return text }
            // JSON has no NaN or infinity: those are written as strings.
            if let number = convertible as? Double { return number.isFinite ? text : HTTPError.quoted(text) }
            return HTTPError.quoted(text)
        case .array(let items): return "[" + items.map(render).joined(separator: ",") + "]"
        case .dictionary(let dictionary):
            let body = dictionary.sorted { $0.key < $1.key }.map { key, item in
                HTTPError.quoted(key) + ":" + (isSecret(key) ? "\"[redacted]\"" : render(item))
            }
            return "{" + body.joined(separator: ",") + "}"
        }
    }
}

/// A metadata value rendered as JSON `null` (e.g. `tenant_id` before authentication).
public struct LogNull: CustomStringConvertible, Sendable {
    public static let value = LogNull()
    public var description: String { "null" }
}

extension String {
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "_" : $0 }) }
}

internal import Glibc

/// A dedicated connection that `LISTEN`s on channels and waits for `NOTIFY`s.
///
/// Used for cache invalidation and job wake-ups. Owns its own ``PGConnection``; not Sendable — one thread
/// waits on it. See https://www.postgresql.org/docs/15/libpq-notify.html.
public final class PGListener {
    private let connection: PGConnection

    /// Connects and listens on `channels` (names of `[a-z_][a-z0-9_]*`, at most 63 characters).
    public init(conninfo: String, channels: [String]) throws(PGError) {
        connection = try PGConnection(conninfo: conninfo)
        for channel in channels {
            guard Self.isValidChannel(channel) else {
                throw PGError(.queryFailed, serverMessage: "invalid channel name")
            }
            // Identifiers cannot be bound; the name was validated above.
            try connection.query(PGQuery(unsafeSQL: "LISTEN \(channel)"))
        }
    }

    /// Waits up to `timeoutMilliseconds` for notifications; returns those received (possibly none).
    ///
    /// - Throws: ``PGError`` `connectionLost` when the connection broke; build a new listener then.
    public func wait(timeoutMilliseconds: Int32) throws(PGError) -> [(channel: String, payload: String)] {
        let pending = try connection.drainNotifications()
        if !pending.isEmpty { return pending }
        var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if ready < 0 && errno != EINTR { throw PGError(.connectionLost, serverMessage: "poll failed") }
        return try connection.drainNotifications()
    }

    static func isValidChannel(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63,
              first == UInt8(ascii: "_") || (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z"))
        else { return false }
        return name.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        }
    }
}

internal import FoundationEssentials
internal import Glibc
internal import RuntimeTesting

/// One SMTP conversation of ``FakeSMTPServer``: reads command lines, writes replies, records the message.
struct FakeSMTPSession {
    let fd: Int32
    let state: Locked<FakeSMTPServer.State>
    private var buffer: [UInt8] = []

    init(fd: Int32, state: Locked<FakeSMTPServer.State>) {
        self.fd = fd
        self.state = state
    }

    mutating func run() {
        let script = state.value.script
        var from: String?
        var recipients: [String] = []
        var username: String?
        reply("220 fake-smtp.local ESMTP ready")
        while let line = readLine() {
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                reply(["250-fake-smtp.local", "250-SIZE 35882577", "250-8BITMIME"]
                    + (script.advertisesStartTLS ? ["250-STARTTLS"] : []) + ["250 AUTH PLAIN LOGIN"])
            } else if upper.hasPrefix("HELO") {
                reply("250 fake-smtp.local")
            } else if upper == "STARTTLS" {
                reply("454 4.7.0 TLS not available")
            } else if upper.hasPrefix("AUTH PLAIN") {
                var encoded = String(line.dropFirst(10)).trimmedSpaces
                if encoded.isEmpty {
                    reply("334 ")
                    encoded = readLine() ?? ""
                }
                let parts = (Data(base64Encoded: encoded) ?? Data()).split(separator: 0, omittingEmptySubsequences: false)
                guard parts.count == 3 else { reply("501 5.5.2 malformed AUTH"); continue }
                username = String(decoding: parts[1], as: UTF8.self)
                let password = String(decoding: parts[2], as: UTF8.self)
                state.withLock { $0.passwords.append(password) }
                reply("235 2.7.0 Authentication successful")
            } else if upper.hasPrefix("AUTH LOGIN") {
                reply("334 VXNlcm5hbWU6")
                username = Self.decode(readLine())
                reply("334 UGFzc3dvcmQ6")
                let password = Self.decode(readLine()) ?? ""
                state.withLock { $0.passwords.append(password) }
                reply("235 2.7.0 Authentication successful")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = Self.address(String(line.dropFirst(10)))
                recipients = []
                reply("250 2.1.0 Ok")
            } else if upper.hasPrefix("RCPT TO:") {
                if let code = script.recipientReply {
                    reply("\(code) \(code >= 500 ? "5.1.1 Recipient refused" : "4.2.0 Try again later")")
                } else {
                    recipients.append(Self.address(String(line.dropFirst(8))))
                    reply("250 2.1.5 Ok")
                }
            } else if upper == "DATA" {
                guard let sender = from, !recipients.isEmpty else { reply("503 5.5.1 Bad sequence"); continue }
                reply("354 End data with <CR><LF>.<CR><LF>")
                guard let data = readData() else { return }
                if let code = script.dataReply {
                    reply("\(code) \(code >= 500 ? "5.7.1 Message refused" : "4.3.0 Try again later")")
                } else {
                    let count = state.withLock { state -> Int in
                        state.deliveries.append(.init(mailFrom: sender, recipients: recipients, data: data, username: username))
                        return state.deliveries.count
                    }
                    reply("250 2.0.0 Ok: queued as FAKE\(count)")
                }
                from = nil
                recipients = []
            } else if upper == "RSET" || upper == "NOOP" {
                reply("250 2.0.0 Ok")
            } else if upper == "QUIT" {
                reply("221 2.0.0 Bye")
                return
            } else {
                reply("502 5.5.2 Command not recognised")
            }
        }
    }

    /// The address inside `<…>` (parameters such as `SIZE=` dropped).
    private static func address(_ text: String) -> String {
        let trimmed = text.trimmedSpaces
        guard let open = trimmed.firstIndex(of: "<"), let close = trimmed.firstIndex(of: ">"), open < close else { return trimmed }
        return String(trimmed[trimmed.index(after: open)..<close])
    }

    private static func decode(_ line: String?) -> String? {
        line.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    private func reply(_ line: String) { reply([line]) }

    private func reply(_ lines: [String]) {
        let bytes = Array(lines.map { $0 + "\r\n" }.joined().utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// One line without CR LF; nil at EOF.
    private mutating func readLine() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 1 << 16, receive() else { return nil }
        }
    }

    /// The data section up to the lone `.` line, dot-unstuffed, lines joined with CR LF; nil at EOF.
    private mutating func readData() -> [UInt8]? {
        var data: [UInt8] = []
        while true {
            guard let end = buffer.firstIndex(of: 10) else {
                guard buffer.count < 64 << 20, receive() else { return nil }
                continue
            }
            var line = Array(buffer[..<end])
            buffer.removeFirst(end + 1)
            if line.last == 13 { line.removeLast() }
            if line == [46] { return data }
            if line.first == 46 { line.removeFirst() }
            data += line + [13, 10]
        }
    }

    private mutating func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
    }
}

extension String {
    fileprivate var trimmedSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

public import Runtime
public import RuntimePostgres

/// Threading for mail about a ticket (RFC 5322 §3.6.4): the reply subject and the `In-Reply-To` / `References`
/// fields, from the Message-IDs recorded in the ticket's conversation. Pure functions.
public enum TicketThread {
    /// `Re: <subject>`, without a second `Re:` when the subject has one already (any case).
    public static func replySubject(_ subject: String) -> String {
        let trimmed = subject.trimmingASCIIWhitespace()
        if trimmed.lowercased().hasPrefix("re:") { return trimmed }
        return "Re: " + (trimmed.isEmpty ? "(no subject)" : trimmed)
    }

    /// `id` as a `msg-id` (`<left@right>`), or nil when it cannot be one (empty, spaces, control characters, no `@`).
    public static func messageID(_ id: String) -> String? {
        var text = id.trimmingASCIIWhitespace()
        if text.hasPrefix("<") && text.hasSuffix(">") && text.utf8.count >= 2 { text = String(text.dropFirst().dropLast()) }
        guard (3...250).contains(text.utf8.count), text.contains("@"),
              text.utf8.allSatisfy({ (33...126).contains($0) && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else { return nil }
        return "<" + text + ">"
    }

    /// The header fields a reply carries: `In-Reply-To` = the last customer message's id, `References` = every id in
    /// the conversation, oldest first, without repeats. When the list would pass 998 characters, the first id and the
    /// most recent ones are kept (RFC 5322's advice). Empty when the conversation has no ids.
    public static func replyHeaders(conversation: [JSONValue]) -> [String: String] {
        var ids: [String] = []
        var lastCustomer: String?
        for entry in conversation {
            guard let id = entry["message_id"]?.string.flatMap(messageID) else { continue }
            if !ids.contains(id) { ids.append(id) }
            if entry["role"]?.string == "customer" { lastCustomer = id }
        }
        guard let last = ids.last else { return [:] }
        while ids.count > 2 && ids.joined(separator: " ").utf8.count > 998 { ids.remove(at: 1) }
        if ids.joined(separator: " ").utf8.count > 998 { ids = [last] }
        return ["In-Reply-To": lastCustomer ?? last, "References": ids.joined(separator: " ")]
    }
}

extension TicketThread {
    /// The lookup key of a Message-ID (`ticket_messages.message_key`): without spaces and angle brackets, the domain
    /// part (after the last `@`) lower-cased, the local part as written. Nil for an empty or over-long id.
    public static func key(_ id: String) -> String? {
        let text = String(id.unicodeScalars.filter { $0.value > 32 && $0 != "<" && $0 != ">" })
        guard (1...600).contains(text.utf8.count) else { return nil }
        guard let at = text.lastIndex(of: "@") else { return text }
        return String(text[..<at]) + "@" + text[text.index(after: at)...].lowercased()
    }

    /// Records that Message-ID `id` belongs to ticket `ticketUUID` (nothing when it is already recorded, for any
    /// ticket). Returns whether this call recorded it.
    @discardableResult
    public static func remember(_ id: String, ticket ticketUUID: String, tenantID: String,
                                on connection: PGConnection) throws -> Bool {
        guard let key = key(id) else { return false }
        return try connection.query("""
            INSERT INTO ticket_messages (tenant_id, message_key, ticket) VALUES (\(tenantID), \(key), \(ticketUUID)::uuid)
            ON CONFLICT DO NOTHING
            """).affectedRows == 1
    }
}

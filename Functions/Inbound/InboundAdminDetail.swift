internal import InboundMail
internal import Runtime
internal import RuntimePostgres

/// The body of `GET /api/v1/inbound/admin/messages/{id}`: the message, its text fields as posted (each cut at
/// ``InboundAdminMessage/fieldCap`` characters; `truncated` names the ones cut), attachment metadata (never the
/// bytes) and `routing` — how ``TenantResolver`` routes the message now, with the tenants as they are now, which
/// is what a re-process would do.
struct InboundAdminDetail: Encodable {
    let message: InboundAdminMessage
    let fields: [String: String]
    let truncated: [String]
    let files: [InboundAdminMessage.Attachment]
    let routing: JSONValue

    /// The most characters of the raw form's `email` read to route it (its headers come first).
    static let routingCap = 1_000_000

    /// Reads the detail of `message` on a platform connection.
    static func body(_ message: InboundAdminMessage, inboundDomain: String?, on connection: PGConnection) throws
        -> InboundAdminDetail
    {
        let names = PGTextArray(InboundAdminMessage.textFields)
        var fields: [String: String] = [:]
        var truncated: [String] = []
        for row in try connection.query("""
            SELECT f.key, left(f.value, \(InboundAdminMessage.fieldCap)) AS value,
                   length(f.value) > \(InboundAdminMessage.fieldCap) AS cut
            FROM inbound_messages m, jsonb_each_text(m.fields) f
            WHERE m.id = \(message.id)::uuid AND f.key = ANY(\(names)::text[])
            """).all {
            let key = try row.string("key")
            fields[key] = try row.string("value")
            if try row.bool("cut") { truncated.append(key) }
        }
        let files = try connection.query("""
            SELECT position, filename, content_type, octet_length(content) AS size FROM inbound_attachments
            WHERE message_id = \(message.id)::uuid ORDER BY position
            """).all.map {
            InboundAdminMessage.Attachment(position: try $0.int("position"), filename: try $0.string("filename"),
                                           content_type: try $0.string("content_type"), size: try $0.int("size"))
        }
        let routing = try route(message, inboundDomain: inboundDomain, on: connection)
        return InboundAdminDetail(message: message, fields: fields, truncated: truncated.sorted(), files: files,
                                  routing: routing)
    }

    /// The resolver's answer for the stored post, or only its URL tenant when the post holds no readable mail.
    private static func route(_ message: InboundAdminMessage, inboundDomain: String?, on connection: PGConnection) throws
        -> JSONValue
    {
        var stored: [String: String] = [:]
        for row in try connection.query("""
            SELECT f.key, left(f.value, \(routingCap)) AS value
            FROM inbound_messages m, jsonb_each_text(m.fields) f
            WHERE m.id = \(message.id)::uuid AND f.key IN ('headers', 'from', 'to', 'cc', 'subject', 'envelope', 'email')
            """).all {
            stored[try row.string("key")] = try row.string("value")
        }
        let input = RoutingInput(storedFields: stored, urlTenant: message.url_tenant)
            ?? RoutingInput(recipients: [], urlTenant: message.url_tenant)
        let outcome = try TenantResolver.resolve(input, inboundDomain: inboundDomain, on: connection)
        return InboundAdminHandlers.report(outcome, domain: inboundDomain)
    }
}

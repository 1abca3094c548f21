import InboundMail
import Logging
import Runtime
import RuntimePostgres
import RuntimeTesting
import Testing

/// A tenant that receives inbound mail (support address, sender, destinations, Zanzibar rates, two active users and
/// an inactive one) and helpers that store posts the way the inbound webhook does and run the pipeline on them.
///
/// Rates (ZAR, per night per person, 2020-01-01…2035-12-31): Coral Lodge, Garden Room, B&B — sharing R 1,200.
struct InboundWorld {
    let tenant: String
    let support: String
    let logger = Logger(label: "inbound-tests") { _ in SwiftLogNoOpLogHandler() }

    /// - Parameters:
    ///   - mode: `inbound.mode`.
    ///   - sender: whether `email.from_address` is configured.
    static func make(_ label: String, mode: String = "ticket", askForMissing: Bool = true, sender: Bool = true) throws
        -> InboundWorld
    {
        let tenant = try MailTestEnvironment.makeTenant("in-" + label)
        let support = "desk-\(tenant)@inbound.example.com"
        let from = sender ? #""from_address":"quotes@\#(tenant).example.com","from_name":"Sunny Travel","# : ""
        let config = """
            {"destinations":[{"name":"Zanzibar","aliases":["Unguja"]},{"name":"Cape Town"}],
             "email":{\(from)"support_address":"\(support)"},
             "inbound":{"mode":"\(mode)","ask_for_missing":\(askForMissing)},
             "pricing":{"margin_percent":10,"round_to":100,"currency":"ZAR"}}
            """
        let owner = try MailTestEnvironment.owner()
        try owner.query("UPDATE tenants SET config = \(config)::jsonb, currency = 'ZAR' WHERE tenant_id = \(tenant)")
        for (index, active) in [true, true, false].enumerated() {
            try owner.query(
                """
                INSERT INTO users (tenant_id, email, name, role, is_active)
                VALUES (\(tenant), \("user\(index)@\(tenant).example.com"), \("User \(index)"),
                        \(index == 0 ? "admin" : "consultant"), \(active))
                """)
        }
        let hotel = try #require(
            try owner.query(
                """
                INSERT INTO hotels (tenant_id, destination, name, rating) VALUES (\(tenant), 'Zanzibar', 'Coral Lodge', 3.5)
                RETURNING id::text AS id
                """
            ).first?.string("id"))
        try owner.query(
            """
            INSERT INTO rates (tenant_id, hotel_id, room_type, meal_plan, valid_from, valid_to, nights, currency,
                               adult_sharing, single, child, infant)
            VALUES (\(tenant), \(hotel)::uuid, 'Garden Room', 'Bed & Breakfast', '2020-01-01', '2035-12-31', NULL, 'ZAR',
                    120000, 180000, 60000, 0)
            """)
        return InboundWorld(tenant: tenant, support: support)
    }

    func drop() { MailTestEnvironment.dropTenant(tenant) }

    /// A complete Zanzibar inquiry (dates, adults) in the parsed form's text.
    static let completeInquiry = """
        Hello,

        We would like to visit Zanzibar from 10 March 2027 to 17 March 2027, 2 adults.
        Could you send us a quote?

        Kind regards,
        Zoë Ñúñez
        """

    /// Stores a parsed-form post (as the webhook would) and returns its `inbound_messages.id`.
    func storeParsed(
        to: String? = nil, from: String = "Zoë Ñúñez <zoe@example.com>", subject: String = "Trip to Zanzibar",
        text: String = completeInquiry, extraHeaders: String = "", messageID: String? = nil,
        urlTenant: String? = nil
    ) throws -> String {
        let id = messageID ?? "\(RequestID.generate())@mail.example.com"
        let headers = "Message-ID: <\(id)>\nFrom: \(from)\nTo: \(to ?? support)\nSubject: \(subject)\n\(extraHeaders)"
        let fields: JSONValue = .object([
            "headers": .string(headers), "from": .string(from), "to": .string(to ?? support),
            "subject": .string(subject),
            "text": .string(text), "envelope": .string(#"{"to":["\#(to ?? support)"],"from":"zoe@example.com"}"#),
        ])
        return try Self.insert(form: "parsed", fields: fields, messageID: id, urlTenant: urlTenant)
    }

    /// Stores a raw-form post whose `email` field is `mail`.
    func storeRaw(_ mail: String) throws -> String {
        try Self.insert(form: "raw", fields: .object(["email": .string(mail)]), messageID: nil, urlTenant: nil)
    }

    static func insert(form: String, fields: JSONValue, messageID: String?, urlTenant: String?) throws -> String {
        let json = String(decoding: try JSON.encode(fields), as: UTF8.self)
        return try #require(
            try MailTestEnvironment.owner().query(
                """
                INSERT INTO inbound_messages (dedupe_key, form, url_tenant, fields, message_id, body_bytes)
                VALUES (\("test:" + RequestID.generate()), \(form), \(urlTenant), \(json)::jsonb, \(messageID), \(json.utf8.count))
                RETURNING id::text AS id
                """
            ).first?.string("id"))
    }

    /// Runs the pipeline on message `id`.
    @discardableResult
    func process(_ id: String, pipeline: InboundPipeline = InboundPipeline()) throws -> InboundPipeline.Outcome {
        try pipeline.process(id, database: try MailTestEnvironment.database(), logger: logger)
    }

    /// The message row (status, routed_tenant, last_error).
    func message(_ id: String) throws -> PGRow {
        try #require(
            try MailTestEnvironment.owner().query(
                """
                SELECT status, routed_tenant, last_error FROM inbound_messages WHERE id = \(id)::uuid
                """
            ).first)
    }

    /// This tenant's tickets.
    func tickets() throws -> [PGRow] {
        try MailTestEnvironment.owner().query(
            """
            SELECT id::text AS id, ticket_id, status, priority, parse_method, parsed::text AS parsed, missing::text AS missing,
                   customer_email, customer_name, client_id::text AS client_id, quote_id::text AS quote_id, notes,
                   conversation::text AS conversation
            FROM tickets WHERE tenant_id = \(tenant) ORDER BY created_at
            """
        ).all
    }

    func count(_ sql: String) throws -> Int {
        try #require(
            try MailTestEnvironment.owner().query(PGQuery(unsafeSQL: sql.replacingTenant(tenant))).first?.int("n"))
    }
}

extension String {
    /// `$TENANT` replaced by a quoted tenant id (test SQL only; ids are `[a-z0-9-]`).
    fileprivate func replacingTenant(_ tenant: String) -> String {
        split(separator: "$TENANT", omittingEmptySubsequences: false).joined(separator: "'\(tenant)'")
    }
}

internal import RuntimePostgres

/// Which tenant owns a phone number: the **active** tenant whose `voice.phone_number` is exactly `number`.
///
/// Runs as the platform role (the caller is not yet known to be any tenant's), reads only `tenant_id`, and
/// answers nil when no tenant or more than one claims the number, so an ambiguous number is never guessed.
enum VoiceNumberDirectory {
    enum Lookup: Equatable {
        case tenant(String)
        case unknown
        case ambiguous
    }

    /// The tenant for `number` (E.164 as Twilio sends it in `To`/`From`).
    static func tenant(for number: String, on connection: PGConnection) throws -> Lookup {
        guard !number.isEmpty, number.utf8.count <= 32 else { return .unknown }
        let rows = try connection.query("""
            SELECT tenant_id FROM tenants
            WHERE status = 'active' AND config -> 'voice' ->> 'phone_number' = \(number)
            ORDER BY tenant_id LIMIT 2
            """)
        switch rows.rowCount {
        case 0: return .unknown
        case 1: return try rows.first.map { .tenant(try $0.string("tenant_id")) } ?? .unknown
        default: return .ambiguous
        }
    }
}

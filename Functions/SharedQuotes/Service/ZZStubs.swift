// TEMPORARY: stand-ins until the helpers' branches merge. Deleted at merge.
public import Runtime
public import RuntimePostgres
public import SharedPlatform
public enum Clients { public static func upsertForQuote(on connection: PGConnection, tenantID: String, name: String, email: String, phone: String?, quoteUUID: String, consultantID: String?, actor: String) throws -> (id: String, clientID: String, created: Bool) { ("", "", false) } }
public enum Identifiers { public static func quoteID(on day: Day) -> String { "" } }
public enum InvoiceMaintenance { public static func markOverdue(on connection: PGConnection, today: Day) throws -> Int { 0 } }

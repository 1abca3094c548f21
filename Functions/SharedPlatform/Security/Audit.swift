public import Runtime
public import RuntimePostgres

/// Writes the audit trail (`audit_log`): who did what to which target, with the request id.
///
/// Platform actions on a tenant pass `tenantID: nil` and name the tenant in `target`, so the record of
/// deleting a tenant survives the deletion. Details must never hold secrets.
public enum Audit {
    public static func record(on connection: PGConnection, actor: String, action: String, target: String?,
                              tenantID: String?, detail: JSONValue = .object([:]), requestID: String) throws {
        let detailText = String(decoding: (try? JSON.encode(detail)) ?? Array("{}".utf8), as: UTF8.self)
        try connection.query("""
            INSERT INTO audit_log (tenant_id, actor, action, target, detail, request_id)
            VALUES (\(tenantID), \(actor), \(action), \(target), \(detailText)::jsonb, \(requestID))
            """)
    }
}

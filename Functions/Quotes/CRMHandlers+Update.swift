internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension CRMHandlers {
    /// `PATCH /clients/{id}`: members sent are changed, `null` clears `phone` or `consultant_id`. The stage is not
    /// editable here (422 `stage`): it moves only through `PATCH …/stage`, which checks the transition.
    struct PatchBody: Decodable {
        var name: PatchField<String>
        var email: PatchField<String>
        var phone: PatchField<String>
        var source: PatchField<String>
        var consultant_id: PatchField<String>
        var notes: PatchField<String>
        var stage: PatchField<String>
    }

    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(PatchBody.self)
        guard !body.stage.isSent else {
            throw HTTPError.invalid("stage", "Change the stage with PATCH /api/v1/crm/clients/{id}/stage.")
        }
        let required = [("name", body.name), ("email", body.email), ("source", body.source), ("notes", body.notes)]
        for (field, value) in required where value == .clear {
            throw HTTPError.invalid(field, "\(field) cannot be null.")
        }
        let name = try body.name.value.map { try Validate.text($0, field: "name", length: 1...200) }
        let email = try body.email.value.map { try Validate.email($0) }
        let phone = try phoneNumber(body.phone.value)
        let source = try body.source.value.map { try Validate.text($0, field: "source", length: 1...40) }
        let notes = try body.notes.value.map { try Validate.text($0, field: "notes", length: 0...5000) }
        let consultant = try body.consultant_id.value.map { text in
            guard let id = try? Validate.uuid(text) else {
                throw HTTPError.invalid("consultant_id", "consultant_id must be a UUID.")
            }
            return id
        }
        let client = try inTenant(principal, context) { connection in
            let found = try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference, lock: true)
            guard let current = found else { throw ClientRecord.notFound() }
            if let consultant { try requireActiveUser(consultant, on: connection, tenantID: principal.tenantID) }
            do {
                try connection.query("""
                    UPDATE clients SET name = coalesce(\(name), name), email = coalesce(\(email), email),
                           phone = CASE WHEN \(body.phone.isSent)::boolean THEN \(phone) ELSE phone END,
                           consultant_id = CASE WHEN \(body.consultant_id.isSent)::boolean THEN \(consultant)::uuid
                                                ELSE consultant_id END,
                           source = coalesce(\(source), source), notes = coalesce(\(notes), notes), updated_at = now()
                    WHERE tenant_id = \(principal.tenantID) AND id = \(current.id)::uuid
                    """)
            } catch let error as PGError where error.isUniqueViolation {
                throw duplicate()
            }
            return try ClientRecord.find(on: connection, tenantID: principal.tenantID, current.id)
        }
        guard let client else { throw ClientRecord.notFound() }
        return try .json(["client": client])
    }
}

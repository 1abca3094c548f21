internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension CRMHandlers {
    /// One entry of a client's activity log.
    struct ActivityRecord: Encodable {
        let id: String
        let kind: String
        let from_status: String?
        let to_status: String?
        let actor: String
        let note: String
        let detail: JSONValue
        let created_at: String

        enum CodingKeys: String, CodingKey {
            case id, kind, from_status, to_status, actor, note, detail, created_at
        }

        static let columns: StaticString = """
            id::text AS id, kind, from_status, to_status, actor, note, detail::text AS detail,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
            """

        init(_ row: PGRow) throws {
            id = try row.string("id")
            kind = try row.string("kind")
            from_status = row["from_status"]
            to_status = row["to_status"]
            actor = try row.string("actor")
            note = try row.string("note")
            detail = (try? JSON.decode(JSONValue.self, from: Array(try row.string("detail").utf8))) ?? .object([:])
            created_at = try row.string("created_at")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(from_status, forKey: .from_status)
            try container.encode(to_status, forKey: .to_status)
            try container.encode(actor, forKey: .actor)
            try container.encode(note, forKey: .note)
            try container.encode(detail, forKey: .detail)
            try container.encode(created_at, forKey: .created_at)
        }
    }

    struct ActivityBody: Decodable {
        let kind: String
        let note: String
    }

    struct StageBody: Decodable {
        let stage: String
        let note: String?
    }

    /// Kinds people write; every other kind is the system's record and cannot be deleted.
    static let manualKinds = ["note", "call", "email", "meeting"]

    /// `PATCH /clients/{id}/stage {stage, note?}`: a legal move (``ClientStage``) with a `stage_change` activity;
    /// anything else `409 invalid_transition`, nothing changed.
    static func changeStage(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(StageBody.self)
        guard let target = ClientStage(rawValue: body.stage.uppercased()) else {
            throw HTTPError.invalid("stage", "stage must be one of: \(ClientStage.names.joined(separator: ", ")).")
        }
        let note = try Validate.text(body.note ?? "", field: "note", length: 0...5000)
        let client = try inTenant(principal, context) { connection in
            let found = try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference, lock: true)
            guard let current = found, let stage = ClientStage(rawValue: current.stage) else {
                throw ClientRecord.notFound()
            }
            guard stage.canMove(to: target) else {
                let allowed = stage.successors.map(\.rawValue).joined(separator: ", ")
                let hint = allowed.isEmpty ? "\(stage.rawValue) is final." : "allowed: \(allowed)."
                throw HTTPError(.conflict, code: "invalid_transition",
                                message: "A client cannot move from \(stage.rawValue) to \(target.rawValue); \(hint)")
            }
            try Clients.move(current.id, on: connection, tenantID: principal.tenantID, from: stage, to: target,
                             actor: "user:" + principal.userID, note: note)
            return try ClientRecord.find(on: connection, tenantID: principal.tenantID, current.id)
        }
        guard let client else { throw ClientRecord.notFound() }
        return try .json(["client": client])
    }

    /// Newest first, paginated.
    static func activities(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let page = try Pagination(request)
        let result = try inTenant(principal, context) { connection in
            guard let client = try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference)
            else { throw ClientRecord.notFound() }
            let rows = try connection.query("""
                SELECT \(unsafe: ActivityRecord.columns), count(*) OVER () AS total FROM activities a
                WHERE tenant_id = \(principal.tenantID) AND subject_type = 'client' AND subject_id = \(client.id)::uuid
                ORDER BY a.created_at DESC, a.id DESC LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            let total = try rows.first?.int("total") ?? 0
            return Page(data: try rows.all.map(ActivityRecord.init), total: total, pagination: page)
        }
        return try .json(result)
    }

    /// `POST /clients/{id}/activities {kind: note|call|email|meeting, note}` → `201 {"activity"}`.
    static func addActivity(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(ActivityBody.self)
        let kind = try Validate.choice(body.kind, field: "kind", from: manualKinds)
        let note = try Validate.text(body.note, field: "note", length: 1...5000)
        let activity = try inTenant(principal, context) { connection in
            guard let client = try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference)
            else { throw ClientRecord.notFound() }
            guard let row = try connection.query("""
                INSERT INTO activities (tenant_id, subject_type, subject_id, kind, actor, note)
                VALUES (\(principal.tenantID), 'client', \(client.id)::uuid, \(kind), \("user:" + principal.userID),
                        \(note))
                RETURNING \(unsafe: ActivityRecord.columns)
                """).first else { throw ClientRecord.notFound() }
            try Clients.touch(client.id, on: connection, tenantID: principal.tenantID)
            return try ActivityRecord(row)
        }
        return try .json(["activity": activity], status: 201)
    }

    /// Deletes a note, call, e-mail or meeting entry (its author or an admin); system entries are `409`.
    static func deleteActivity(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let activityID = try Validate.uuid(try context.parameter("activity_id"))
        try inTenant(principal, context) { connection in
            guard let client = try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference),
                  let row = try connection.query("""
                      SELECT kind, actor FROM activities
                      WHERE tenant_id = \(principal.tenantID) AND id = \(activityID)::uuid
                        AND subject_type = 'client' AND subject_id = \(client.id)::uuid FOR UPDATE
                      """).first else { throw HTTPError.notFound("No such activity.") }
            guard manualKinds.contains(try row.string("kind")) else {
                throw HTTPError(.conflict, code: "system_activity",
                                message: "System activities are part of the record and cannot be deleted.")
            }
            let author = try row.string("actor")
            guard principal.isAdmin || author == "user:" + principal.userID else {
                throw HTTPError(.forbidden, code: .forbidden,
                                message: "Only its author or an admin can delete this entry.")
            }
            try connection.query("""
                DELETE FROM activities WHERE tenant_id = \(principal.tenantID) AND id = \(activityID)::uuid
                """)
        }
        return .empty()
    }
}

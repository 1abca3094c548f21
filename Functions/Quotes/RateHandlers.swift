internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/rates…` — a tenant's rate rows (SPEC §2, §7). Every user of the tenant reads them (consultants price
/// quotes from them); only admins write them, because the agency's owner controls its prices.
///
/// Rows are named by destination and hotel name: a write finds the hotel ignoring case, or creates it. Two rows
/// of one hotel with the same room type, meal plan, window, nights and currency are refused (409
/// `duplicate_rate`); the import updates such a row's prices instead (``RateImport``).
enum RateHandlers {
    /// Adds the rate, import and hotel routes. Literal segments win over `{id}`, so `/api/v1/rates/hotels` and
    /// `/api/v1/rates/import` never reach the `{id}` handlers; any other non-uuid `{id}` is a 404.
    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/rates", list)
        router.post("/api/v1/rates", create)
        router.post("/api/v1/rates/import", RateImport.handle)
        router.get("/api/v1/rates/{id}", get)
        router.patch("/api/v1/rates/{id}", update)
        router.delete("/api/v1/rates/{id}", delete)
        HotelHandlers.install(on: &router)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let found = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try RateWriter.record(id: id, tenant: principal.tenantID, on: connection)
        }
        guard let found else { throw HTTPError.notFound("No such rate.") }
        return try .json(["rate": found])
    }

    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let body = try request.decode(RateBody.self)
        let tenant = principal.tenantID
        let created = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection -> RateRecord in
            let input = try RateInput(body, destinations: RateDestinations(try TenantSettings.load(on: connection)))
            try RateWriter.lock(tenant: tenant, on: connection)
            let hotelID = try RateWriter.hotel(destination: input.destination, name: input.hotel, rating: input.ratingText,
                                               tenant: tenant, on: connection)
            try RateWriter.refuseDuplicate(of: input, hotelID: hotelID, excluding: nil, tenant: tenant, on: connection)
            let id = try RateWriter.insert(input, hotelID: hotelID, tenant: tenant, on: connection)
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "rate.create", target: "rate:" + id,
                             tenantID: tenant, requestID: request.requestID)
            guard let record = try RateWriter.record(id: id, tenant: tenant, on: connection) else { throw HTTPError.notFound() }
            return record
        }
        return try .json(["rate": created], status: 201)
    }

    /// A JSON Merge Patch (RFC 7396) of the row as GET shows it: the merged row must pass every rule of a new one.
    /// `destination` is checked against the tenant's destinations only when the patch sets it; `rating` changes
    /// the hotel's rating only when the patch sets it; changing `destination` or `hotel` moves the row to that
    /// hotel (found or created).
    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let patch = try request.decode(JSONValue.self)
        guard let members = patch.object else { throw HTTPError.badRequest("Send a JSON object with the fields to change.") }
        let tenant = principal.tenantID
        let updated = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection -> RateRecord in
            try RateWriter.lock(tenant: tenant, on: connection)
            guard let current = try RateWriter.record(id: id, tenant: tenant, on: connection) else {
                throw HTTPError.notFound("No such rate.")
            }
            let merged = try JSON.decode(JSONValue.self, from: try JSON.encode(current)).merging(patch: patch)
            let body = try JSON.decode(RateBody.self, from: try JSON.encode(merged))
            var input = try RateInput(body, destinations: RateDestinations(try TenantSettings.load(on: connection)),
                                      resolveDestination: members["destination"] != nil)
            if members["rating"] == nil { input.rating = nil }
            let hotelID = try RateWriter.hotel(destination: input.destination, name: input.hotel, rating: input.ratingText,
                                               tenant: tenant, on: connection)
            try RateWriter.refuseDuplicate(of: input, hotelID: hotelID, excluding: id, tenant: tenant, on: connection)
            guard try RateWriter.update(id: id, with: input, hotelID: hotelID, tenant: tenant, on: connection),
                  let record = try RateWriter.record(id: id, tenant: tenant, on: connection)
            else { throw HTTPError.notFound("No such rate.") }
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "rate.update", target: "rate:" + id,
                             tenantID: tenant, detail: .object(["fields": .array(members.keys.sorted().map(JSONValue.string))]),
                             requestID: request.requestID)
            return record
        }
        return try .json(["rate": updated])
    }

    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            guard try connection.query("""
                DELETE FROM rates WHERE tenant_id = \(principal.tenantID) AND id = \(id)::uuid
                """).affectedRows == 1 else { throw HTTPError.notFound("No such rate.") }
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "rate.delete", target: "rate:" + id,
                             tenantID: principal.tenantID, requestID: request.requestID)
        }
        return .empty()
    }
}

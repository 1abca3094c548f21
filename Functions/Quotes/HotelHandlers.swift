internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/rates/hotels…` — the hotels a tenant's rates belong to. Every user reads; admins write. One hotel per
/// destination and name, ignoring case (409 `duplicate_hotel`). An inactive hotel keeps its rates, but quoting
/// skips them (``RateStore``). Deleting a hotel that still has rates needs `?cascade=true`, which deletes them too.
enum HotelHandlers {
    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/rates/hotels", list)
        router.post("/api/v1/rates/hotels", create)
        router.get("/api/v1/rates/hotels/{id}", get)
        router.patch("/api/v1/rates/hotels/{id}", update)
        router.delete("/api/v1/rates/hotels/{id}", delete)
    }

    /// Filters: `destination` (equal ignoring case; an alias finds its destination), `search` (part of the name,
    /// ignoring case), `active` (`true`/`false`). Sorted by destination, then name.
    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let page = try Pagination(request)
        let search = RateHandlers.Filter.text(request, "search")
        let active = try RateHandlers.Filter.active(request)
        let tenant = principal.tenantID
        let result = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let destination = try RateHandlers.Filter.text(request, "destination").map {
                RateDestinations(try TenantSettings.load(on: connection)).canonicalName($0)
            }
            func matching(_ select: StaticString, orderBy: StaticString, limit: Int?, offset: Int) -> PGQuery {
                """
                SELECT \(unsafe: select) FROM hotels h
                WHERE h.tenant_id = \(tenant)
                  AND (\(destination)::text IS NULL OR lower(h.destination) = lower(\(destination)::text))
                  AND (\(search)::text IS NULL OR strpos(lower(h.name), lower(\(search)::text)) > 0)
                  AND (\(active)::boolean IS NULL OR h.is_active = \(active)::boolean)
                ORDER BY \(unsafe: orderBy) LIMIT \(limit) OFFSET \(offset)
                """
            }
            let total = try connection.query(matching("count(*) AS n", orderBy: "1", limit: nil, offset: 0)).first?.int("n") ?? 0
            let rows = try connection.query(matching(HotelRecord.columns, orderBy: "lower(h.destination), lower(h.name), h.id",
                                                     limit: page.limit, offset: page.offset))
            return Page(data: try rows.all.map(HotelRecord.init), total: total, pagination: page)
        }
        return try .json(result)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let found = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try HotelRecord.find(id: id, tenant: principal.tenantID, on: connection)
        }
        guard let found else { throw HTTPError.notFound("No such hotel.") }
        return try .json(["hotel": found])
    }

    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let body = try request.decode(HotelBody.self)
        let tenant = principal.tenantID
        let created = try uniqueName {
            try context.services.database.withTenant(tenant, deadline: context.deadline) { connection -> HotelRecord in
                let hotel = try body.checked(RateDestinations(try TenantSettings.load(on: connection)))
                try RateWriter.lock(tenant: tenant, on: connection)
                guard let id = try connection.query("""
                    INSERT INTO hotels (tenant_id, destination, name, rating, description, is_active)
                    VALUES (\(tenant), \(hotel.destination), \(hotel.name), \(hotel.rating)::numeric, \(hotel.description),
                            \(body.is_active ?? true))
                    RETURNING id::text AS id
                    """).first?["id"], let record = try HotelRecord.find(id: id, tenant: tenant, on: connection)
                else { throw PGError(.decodingFailed, serverMessage: "INSERT INTO hotels returned no row") }
                try Audit.record(on: connection, actor: "user:" + principal.userID, action: "hotel.create",
                                 target: "hotel:" + id, tenantID: tenant, requestID: request.requestID)
                return record
            }
        }
        return try .json(["hotel": created], status: 201)
    }

    /// A JSON Merge Patch of the hotel as GET shows it; `rating: null` clears the rating. `destination` is checked
    /// against the tenant's destinations only when the patch sets it.
    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let patch = try request.decode(JSONValue.self)
        guard let members = patch.object else { throw HTTPError.badRequest("Send a JSON object with the fields to change.") }
        let tenant = principal.tenantID
        let updated = try uniqueName {
            try context.services.database.withTenant(tenant, deadline: context.deadline) { connection -> HotelRecord in
                try RateWriter.lock(tenant: tenant, on: connection)
                guard let current = try HotelRecord.find(id: id, tenant: tenant, on: connection) else {
                    throw HTTPError.notFound("No such hotel.")
                }
                let merged = try JSON.decode(JSONValue.self, from: try JSON.encode(current)).merging(patch: patch)
                let body = try JSON.decode(HotelBody.self, from: try JSON.encode(merged))
                let hotel = try body.checked(RateDestinations(try TenantSettings.load(on: connection)),
                                             resolveDestination: members["destination"] != nil)
                let isActive = body.is_active ?? current.is_active
                try connection.query("""
                    UPDATE hotels SET destination = \(hotel.destination), name = \(hotel.name), rating = \(hotel.rating)::numeric,
                                      description = \(hotel.description), is_active = \(isActive), updated_at = now()
                    WHERE tenant_id = \(tenant) AND id = \(id)::uuid
                    """)
                try Audit.record(on: connection, actor: "user:" + principal.userID, action: "hotel.update", target: "hotel:" + id,
                                 tenantID: tenant, detail: .object(["fields": .array(members.keys.sorted().map(JSONValue.string))]),
                                 requestID: request.requestID)
                guard let record = try HotelRecord.find(id: id, tenant: tenant, on: connection) else { throw HTTPError.notFound() }
                return record
            }
        }
        return try .json(["hotel": updated])
    }

    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let cascade = request.query("cascade") == "true"
        let tenant = principal.tenantID
        try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            try RateWriter.lock(tenant: tenant, on: connection)
            guard let hotel = try HotelRecord.find(id: id, tenant: tenant, on: connection) else {
                throw HTTPError.notFound("No such hotel.")
            }
            guard hotel.rate_count == 0 || cascade else {
                throw HTTPError(.conflict, code: "hotel_has_rates",
                                message: "The hotel has \(hotel.rate_count) rates; delete them first or add ?cascade=true.")
            }
            try connection.query("DELETE FROM hotels WHERE tenant_id = \(tenant) AND id = \(id)::uuid")
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "hotel.delete", target: "hotel:" + id,
                             tenantID: tenant, detail: .object(["rates_deleted": .number(Double(hotel.rate_count))]),
                             requestID: request.requestID)
        }
        return .empty()
    }

    /// Runs `body`, turning a clash with the unique (tenant, destination, name) index into 409 `duplicate_hotel`.
    private static func uniqueName<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PGError where error.isUniqueViolation {
            throw HTTPError(.conflict, code: "duplicate_hotel", message: "A hotel with this name already exists at this destination.")
        }
    }
}

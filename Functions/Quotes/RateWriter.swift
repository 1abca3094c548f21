internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// Writes hotels and rate rows on a tenant's connection (inside `Database.withTenant`).
///
/// Every write first takes the tenant's rate lock (a transaction-scoped advisory lock), so "find or create the
/// hotel" and "is there already such a row" cannot race with another request of the same tenant. Each statement
/// also names the tenant, on top of row-level security.
enum RateWriter {
    /// Serialises this tenant's hotel and rate writes until the transaction ends.
    static func lock(tenant: String, on connection: PGConnection) throws {
        try connection.query("SELECT pg_advisory_xact_lock(hashtext('rates:' || \(tenant)))")
    }

    /// The id of the hotel named `name` at `destination` (ignoring case), created when missing.
    ///
    /// A given `rating` becomes the hotel's rating; nil leaves it as it is (or empty for a new hotel).
    static func hotel(destination: String, name: String, rating: String?, tenant: String,
                      on connection: PGConnection) throws -> String {
        if let row = try connection.query("""
            SELECT id::text AS id FROM hotels
            WHERE tenant_id = \(tenant) AND lower(destination) = lower(\(destination)) AND lower(name) = lower(\(name))
            """).first {
            let id = try row.string("id")
            if let rating {
                try connection.query("""
                    UPDATE hotels SET rating = \(rating)::numeric, updated_at = now()
                    WHERE tenant_id = \(tenant) AND id = \(id)::uuid AND rating IS DISTINCT FROM \(rating)::numeric
                    """)
            }
            return id
        }
        return try returnedID(connection.query("""
            INSERT INTO hotels (tenant_id, destination, name, rating)
            VALUES (\(tenant), \(destination), \(name), \(rating)::numeric) RETURNING id::text AS id
            """))
    }

    /// Refuses a row that would duplicate another of the same hotel (room, meal plan, window, nights, currency).
    ///
    /// - Throws: ``HTTPError`` 409 `duplicate_rate` naming the existing row's id.
    static func refuseDuplicate(of input: RateInput, hotelID: String, excluding id: String?, tenant: String,
                                on connection: PGConnection) throws {
        guard let existing = try connection.query("""
            SELECT id::text AS id FROM rates
            WHERE tenant_id = \(tenant) AND hotel_id = \(hotelID)::uuid
              AND lower(room_type) = lower(\(input.roomType)) AND lower(meal_plan) = lower(\(input.mealPlan))
              AND valid_from = \(input.validFrom.description)::date AND valid_to = \(input.validTo.description)::date
              AND nights IS NOT DISTINCT FROM \(input.nights)::integer AND currency = \(input.currency)
              AND (\(id)::uuid IS NULL OR id <> \(id)::uuid)
            LIMIT 1
            """).first?["id"] else { return }
        throw HTTPError(.conflict, code: "duplicate_rate",
                        message: "Rate \(existing) already has this hotel, room type, meal plan, window, nights and currency; "
                            + "change that one instead.")
    }

    /// Inserts a row and returns its id.
    static func insert(_ input: RateInput, hotelID: String, tenant: String, on connection: PGConnection) throws -> String {
        try returnedID(connection.query("""
            INSERT INTO rates (tenant_id, hotel_id, room_type, meal_plan, valid_from, valid_to, nights, currency,
                               adult_sharing, single, child, infant, is_active)
            VALUES (\(tenant), \(hotelID)::uuid, \(input.roomType), \(input.mealPlan), \(input.validFrom.description)::date,
                    \(input.validTo.description)::date, \(input.nights), \(input.currency), \(input.adultSharing),
                    \(input.single), \(input.child), \(input.infant), \(input.isActive))
            RETURNING id::text AS id
            """))
    }

    /// Replaces every field of row `id`; false when there is no such row.
    static func update(id: String, with input: RateInput, hotelID: String, tenant: String,
                       on connection: PGConnection) throws -> Bool {
        try connection.query("""
            UPDATE rates SET hotel_id = \(hotelID)::uuid, room_type = \(input.roomType), meal_plan = \(input.mealPlan),
                valid_from = \(input.validFrom.description)::date, valid_to = \(input.validTo.description)::date,
                nights = \(input.nights), currency = \(input.currency), adult_sharing = \(input.adultSharing),
                single = \(input.single), child = \(input.child), infant = \(input.infant), is_active = \(input.isActive),
                updated_at = now()
            WHERE tenant_id = \(tenant) AND id = \(id)::uuid
            """).affectedRows == 1
    }

    /// The `id` an `INSERT … RETURNING id` gave back.
    private static func returnedID(_ result: PGResult) throws -> String {
        guard let id = result.first?["id"] else { throw PGError(.decodingFailed, serverMessage: "INSERT returned no id") }
        return id
    }

    /// The row `id` as the API shows it, or nil.
    static func record(id: String, tenant: String, on connection: PGConnection) throws -> RateRecord? {
        try connection.query("""
            SELECT \(unsafe: RateRecord.columns) FROM \(unsafe: RateRecord.source)
            WHERE r.tenant_id = \(tenant) AND r.id = \(id)::uuid
            """).first.map(RateRecord.init)
    }
}

public import RuntimePostgres
internal import Runtime

/// Reads a tenant's rates for the pricing engine.
public enum RateStore {
    /// The active rate rows of active hotels at `destination` (equal ignoring case and surrounding spaces), in one
    /// query, ordered by hotel, room type, meal plan, start of window and id.
    ///
    /// `connection` must be inside the tenant's transaction (`Database.withTenant`): besides row-level security,
    /// the query keeps to the tenant named by `app.tenant_id`, so on any other connection it returns nothing.
    /// Canonicalising aliases is the caller's job (the quote service passes the tenant's destination name).
    /// - Throws: ``PGError`` when the query fails or a stored value cannot be read.
    public static func load(destination: String, on connection: PGConnection) throws -> [RateRow] {
        let result = try connection.query("""
            SELECT r.id::text AS id, r.hotel_id::text AS hotel_id, h.name AS hotel, h.destination,
                   h.rating::text AS rating, r.room_type, r.meal_plan, to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from,
                   to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.nights, r.currency, r.adult_sharing::text AS adult_sharing,
                   r.single::text AS single, r.child::text AS child, r.infant::text AS infant
            FROM rates r JOIN hotels h ON h.tenant_id = r.tenant_id AND h.id = r.hotel_id
            WHERE r.tenant_id = current_setting('app.tenant_id', true) AND h.tenant_id = current_setting('app.tenant_id', true)
              AND lower(h.destination) = lower(btrim(\(destination)::text)) AND r.is_active AND h.is_active
            ORDER BY lower(h.name), h.id, lower(r.room_type), lower(r.meal_plan), r.valid_from, r.id
            """)
        return try result.all.map(row)
    }

    private static func row(_ row: PGRow) throws(PGError) -> RateRow {
        func day(_ column: String) throws(PGError) -> Day {
            guard let day = Day(try row.string(column)) else { throw undecodable(column) }
            return day
        }
        func amount(_ column: String) throws(PGError) -> Int64? {
            guard let text = row[column] else { return nil }
            guard let value = Int64(text) else { throw undecodable(column) }
            return value
        }
        guard let adultSharing = try amount("adult_sharing") else { throw undecodable("adult_sharing") }
        return RateRow(id: try row.string("id"), hotelID: try row.string("hotel_id"), hotel: try row.string("hotel"),
                       destination: try row.string("destination"), rating: row["rating"].flatMap { Double($0) },
                       roomType: try row.string("room_type"), mealPlan: try row.string("meal_plan"),
                       validFrom: try day("valid_from"), validTo: try day("valid_to"), nights: try row.optionalInt("nights"),
                       currency: try row.string("currency"), adultSharing: adultSharing, single: try amount("single"),
                       child: try amount("child"), infant: try amount("infant"))
    }

    private static func undecodable(_ column: String) -> PGError {
        PGError(.decodingFailed, serverMessage: "rates.\(column) could not be read")
    }
}

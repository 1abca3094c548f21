internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension RateWriter {
    /// What an import changed.
    struct ImportCounts: Equatable {
        /// New rate rows.
        var inserted: Int
        /// Existing rows whose prices were replaced (same hotel, room, meal plan, window, nights and currency).
        var updated: Int
        var hotelsCreated: Int
    }

    /// Writes checked rows in two statements, whatever their number: hotels found or created (a given rating
    /// replaces the hotel's), then each row either updates the prices of its existing twin (and makes it active
    /// again) or is added. Callers hold the tenant's rate lock and have refused twins within `rows`.
    ///
    /// - Throws: when a row could not be placed (nothing may be half-imported: the caller's transaction rolls back).
    static func importRows(_ rows: [RateInput], tenant: String, on connection: PGConnection) throws -> ImportCounts {
        func column(_ value: (RateInput) -> String) -> PGTextArray { PGTextArray(rows.map(value)) }
        let destinations = column(\.destination), hotels = column(\.hotel)
        let hotelsCreated = try connection.query("""
            INSERT INTO hotels (tenant_id, destination, name, rating)
            SELECT \(tenant)::text, d, n, r::numeric FROM (
                SELECT DISTINCT ON (lower(d), lower(n)) d, n, nullif(r, '') AS r
                FROM unnest(\(destinations)::text[], \(hotels)::text[], \(column { $0.ratingText ?? "" })::text[])
                     WITH ORDINALITY AS t(d, n, r, i)
                ORDER BY lower(d), lower(n), nullif(r, '') IS NULL, i DESC
            ) AS distinct_hotels
            ON CONFLICT (tenant_id, lower(destination), lower(name))
            DO UPDATE SET rating = coalesce(EXCLUDED.rating, hotels.rating), updated_at = now()
            RETURNING (xmax = 0) AS created
            """).all.filter { $0["created"] == "t" }.count

        let counts = try connection.query("""
            WITH input AS (
                SELECT * FROM unnest(\(destinations)::text[], \(hotels)::text[], \(column(\.roomType))::text[],
                                     \(column(\.mealPlan))::text[], \(column(\.validFrom.description))::text[],
                                     \(column(\.validTo.description))::text[], \(column { $0.nights.map(String.init) ?? "" })::text[],
                                     \(column(\.currency))::text[], \(column { String($0.adultSharing) })::text[],
                                     \(column { $0.single.map(String.init) ?? "" })::text[],
                                     \(column { $0.child.map(String.init) ?? "" })::text[],
                                     \(column { $0.infant.map(String.init) ?? "" })::text[])
                     WITH ORDINALITY AS t(destination, hotel, room_type, meal_plan, valid_from, valid_to, nights, currency,
                                          adult_sharing, single, child, infant, n)
            ), incoming AS (
                SELECT h.id AS hotel_id, i.n, i.room_type, i.meal_plan, i.valid_from::date AS valid_from,
                       i.valid_to::date AS valid_to, nullif(i.nights, '')::integer AS nights, i.currency,
                       i.adult_sharing::bigint AS adult_sharing, nullif(i.single, '')::bigint AS single,
                       nullif(i.child, '')::bigint AS child, nullif(i.infant, '')::bigint AS infant
                FROM input i JOIN hotels h ON h.tenant_id = \(tenant)::text
                    AND lower(h.destination) = lower(i.destination) AND lower(h.name) = lower(i.hotel)
            ), updated AS (
                UPDATE rates r SET adult_sharing = s.adult_sharing, single = s.single, child = s.child, infant = s.infant,
                                   is_active = true, updated_at = now()
                FROM incoming s
                WHERE r.tenant_id = \(tenant)::text AND r.hotel_id = s.hotel_id
                  AND lower(r.room_type) = lower(s.room_type) AND lower(r.meal_plan) = lower(s.meal_plan)
                  AND r.valid_from = s.valid_from AND r.valid_to = s.valid_to
                  AND r.nights IS NOT DISTINCT FROM s.nights AND r.currency = s.currency
                RETURNING s.n
            ), inserted AS (
                INSERT INTO rates (tenant_id, hotel_id, room_type, meal_plan, valid_from, valid_to, nights, currency,
                                   adult_sharing, single, child, infant)
                SELECT \(tenant)::text, s.hotel_id, s.room_type, s.meal_plan, s.valid_from, s.valid_to, s.nights, s.currency,
                       s.adult_sharing, s.single, s.child, s.infant
                FROM incoming s
                WHERE NOT EXISTS (
                    SELECT 1 FROM rates r
                    WHERE r.tenant_id = \(tenant)::text AND r.hotel_id = s.hotel_id
                      AND lower(r.room_type) = lower(s.room_type) AND lower(r.meal_plan) = lower(s.meal_plan)
                      AND r.valid_from = s.valid_from AND r.valid_to = s.valid_to
                      AND r.nights IS NOT DISTINCT FROM s.nights AND r.currency = s.currency)
                ORDER BY s.n
                RETURNING id
            )
            SELECT (SELECT count(DISTINCT n) FROM updated) AS updated, (SELECT count(*) FROM inserted) AS inserted
            """).first
        let result = ImportCounts(inserted: try counts?.int("inserted") ?? 0, updated: try counts?.int("updated") ?? 0,
                                  hotelsCreated: hotelsCreated)
        guard result.inserted + result.updated == rows.count else {
            throw PGError(.queryFailed, serverMessage: "import placed \(result.inserted + result.updated) of \(rows.count) rows")
        }
        return result
    }
}

internal import Runtime
internal import RuntimePostgres

/// The demo tenant's hotels and rate rows (SPEC §7: "destinations with rates"), written once: a tenant that
/// already has hotels keeps them. Prices are per person in ZAR cents; packages are 7 nights, others per night.
/// Windows run from 2026 to 2028 so that `make run` can quote real dates for a while.
enum DemoRates {
    struct Row {
        let destination: String, hotel: String, rating: Double, room: String, meal: String
        let from: String, to: String, nights: Int?, sharing: Int64, single: Int64?, child: Int64?, infant: Int64?
    }

    static let rows: [Row] = [
        Row(destination: "Zanzibar", hotel: "Palm Beach Resort & Spa", rating: 5, room: "Deluxe Sea View", meal: "Half Board",
            from: "2026-01-01", to: "2027-06-30", nights: 7, sharing: 2_450_000, single: 3_480_000, child: 1_225_000, infant: 0),
        Row(destination: "Zanzibar", hotel: "Palm Beach Resort & Spa", rating: 5, room: "Deluxe Sea View", meal: "Half Board",
            from: "2027-07-01", to: "2028-12-31", nights: 7, sharing: 2_690_000, single: 3_820_000, child: 1_345_000, infant: 0),
        Row(destination: "Zanzibar", hotel: "Nungwi Dhow Lodge", rating: 3.5, room: "Garden Room", meal: "Bed & Breakfast",
            from: "2026-01-01", to: "2027-12-31", nights: nil, sharing: 145_000, single: 210_000, child: 72_500, infant: nil),
        Row(destination: "Zanzibar", hotel: "Stone Town Heritage Hotel", rating: 4, room: "Superior Room", meal: "Bed & Breakfast",
            from: "2026-01-01", to: "2028-12-31", nights: nil, sharing: 198_000, single: 296_000, child: 99_000, infant: 15_000),
        Row(destination: "Mauritius", hotel: "Le Morne Lagoon Hotel", rating: 4.5, room: "Junior Suite", meal: "All Inclusive",
            from: "2026-01-01", to: "2028-12-31", nights: 7, sharing: 3_150_000, single: 4_400_000, child: 1_575_000, infant: 0),
        Row(destination: "Mauritius", hotel: "Grand Baie Beach Inn", rating: 3, room: "Standard Room", meal: "Half Board",
            from: "2026-01-01", to: "2028-12-31", nights: nil, sharing: 165_000, single: 240_000, child: 82_500, infant: nil),
        Row(destination: "Cape Town", hotel: "Waterfront Harbour Hotel", rating: 4, room: "City View Room", meal: "Bed & Breakfast",
            from: "2026-01-01", to: "2028-12-31", nights: nil, sharing: 185_000, single: 310_000, child: 60_000, infant: 0),
    ]

    static func seed(tenant: String, on connection: PGConnection) throws {
        guard try connection.query("SELECT 1 FROM hotels WHERE tenant_id = \(tenant) LIMIT 1").first == nil else { return }
        for row in rows {
            guard let hotel = try connection.query("""
                INSERT INTO hotels (tenant_id, destination, name, rating) VALUES (\(tenant), \(row.destination), \(row.hotel), \(row.rating))
                ON CONFLICT (tenant_id, lower(destination), lower(name)) DO UPDATE SET updated_at = now()
                RETURNING id::text AS id
                """).first?["id"] else { continue }
            try connection.query("""
                INSERT INTO rates (tenant_id, hotel_id, room_type, meal_plan, valid_from, valid_to, nights, currency,
                                   adult_sharing, single, child, infant)
                VALUES (\(tenant), \(hotel)::uuid, \(row.room), \(row.meal), \(row.from)::date, \(row.to)::date, \(row.nights), 'ZAR',
                        \(row.sharing), \(row.single), \(row.child), \(row.infant))
                """)
        }
    }
}

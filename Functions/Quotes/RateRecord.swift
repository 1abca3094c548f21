internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// A stored rate row as the API shows it (SPEC §7): the rate, its hotel's destination, name and rating, and its
/// prices as Money. Absent prices and ratings are `null`, never left out.
struct RateRecord: Encodable {
    let id: String
    let hotel_id: String
    let destination: String
    let hotel: String
    let rating: Double?
    let room_type: String
    let meal_plan: String
    let valid_from: Day
    let valid_to: Day
    let nights: Int?
    let currency: String
    let adult_sharing: Money
    let single: Money?
    let child: Money?
    let infant: Money?
    let is_active: Bool
    let created_at: String
    let updated_at: String

    /// The select list for ``init(_:)``; the query must join `rates r` with `hotels h`.
    static let columns: StaticString = """
        r.id::text AS id, r.hotel_id::text AS hotel_id, h.destination, h.name AS hotel, h.rating::text AS rating,
        r.room_type, r.meal_plan, to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from,
        to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.nights, r.currency, r.adult_sharing::text AS adult_sharing,
        r.single::text AS single, r.child::text AS child, r.infant::text AS infant, r.is_active,
        to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
        """

    /// `rates r JOIN hotels h` on the tenant and the hotel.
    static let source: StaticString = "rates r JOIN hotels h ON h.tenant_id = r.tenant_id AND h.id = r.hotel_id"

    init(_ row: PGRow) throws {
        let currency = try row.string("currency")
        func money(_ column: String) throws -> Money? {
            guard let text = row[column] else { return nil }
            guard let amount = Int64(text) else { throw PGError(.decodingFailed, serverMessage: "column \(column) is not bigint") }
            return Money(amount, currency)
        }
        func day(_ column: String) throws -> Day {
            guard let day = Day(try row.string(column)) else {
                throw PGError(.decodingFailed, serverMessage: "column \(column) is not a date")
            }
            return day
        }
        id = try row.string("id")
        hotel_id = try row.string("hotel_id")
        destination = try row.string("destination")
        hotel = try row.string("hotel")
        rating = row["rating"].flatMap { Double($0) }
        room_type = try row.string("room_type")
        meal_plan = try row.string("meal_plan")
        valid_from = try day("valid_from")
        valid_to = try day("valid_to")
        nights = try row.optionalInt("nights")
        self.currency = currency
        guard let adultSharing = try money("adult_sharing") else {
            throw PGError(.decodingFailed, serverMessage: "column adult_sharing is NULL")
        }
        adult_sharing = adultSharing
        single = try money("single")
        child = try money("child")
        infant = try money("infant")
        is_active = try row.bool("is_active")
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
    }

    private enum Keys: String, CodingKey {
        case id, hotel_id, destination, hotel, rating, room_type, meal_plan, valid_from, valid_to, nights, currency,
             adult_sharing, single, child, infant, is_active, created_at, updated_at
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(hotel_id, forKey: .hotel_id)
        try container.encode(destination, forKey: .destination)
        try container.encode(hotel, forKey: .hotel)
        try container.encode(rating, forKey: .rating)
        try container.encode(room_type, forKey: .room_type)
        try container.encode(meal_plan, forKey: .meal_plan)
        try container.encode(valid_from, forKey: .valid_from)
        try container.encode(valid_to, forKey: .valid_to)
        try container.encode(nights, forKey: .nights)
        try container.encode(currency, forKey: .currency)
        try container.encode(adult_sharing, forKey: .adult_sharing)
        try container.encode(single, forKey: .single)
        try container.encode(child, forKey: .child)
        try container.encode(infant, forKey: .infant)
        try container.encode(is_active, forKey: .is_active)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(updated_at, forKey: .updated_at)
    }
}

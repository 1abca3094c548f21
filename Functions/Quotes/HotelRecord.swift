internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// A hotel as the API shows it, with how many rate rows it has (all, and active ones). `rating` is `null` when
/// unknown, never left out.
struct HotelRecord: Encodable {
    let id: String
    let destination: String
    let name: String
    let rating: Double?
    let description: String
    let is_active: Bool
    let rate_count: Int
    let active_rate_count: Int
    let created_at: String
    let updated_at: String

    /// The select list for ``init(_:)`` over `hotels h`.
    static let columns: StaticString = """
        h.id::text AS id, h.destination, h.name, h.rating::text AS rating, h.description, h.is_active,
        (SELECT count(*) FROM rates r WHERE r.tenant_id = h.tenant_id AND r.hotel_id = h.id) AS rate_count,
        (SELECT count(*) FROM rates r WHERE r.tenant_id = h.tenant_id AND r.hotel_id = h.id AND r.is_active) AS active_rate_count,
        to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(h.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
        """

    init(_ row: PGRow) throws {
        id = try row.string("id")
        destination = try row.string("destination")
        name = try row.string("name")
        rating = row["rating"].flatMap { Double($0) }
        description = try row.string("description")
        is_active = try row.bool("is_active")
        rate_count = try row.int("rate_count")
        active_rate_count = try row.int("active_rate_count")
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
    }

    private enum Keys: String, CodingKey {
        case id, destination, name, rating, description, is_active, rate_count, active_rate_count, created_at, updated_at
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(destination, forKey: .destination)
        try container.encode(name, forKey: .name)
        try container.encode(rating, forKey: .rating)
        try container.encode(description, forKey: .description)
        try container.encode(is_active, forKey: .is_active)
        try container.encode(rate_count, forKey: .rate_count)
        try container.encode(active_rate_count, forKey: .active_rate_count)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(updated_at, forKey: .updated_at)
    }

    /// Hotel `id` of `tenant`, or nil.
    static func find(id: String, tenant: String, on connection: PGConnection) throws -> HotelRecord? {
        try connection.query("""
            SELECT \(unsafe: columns) FROM hotels h WHERE h.tenant_id = \(tenant) AND h.id = \(id)::uuid
            """).first.map(HotelRecord.init)
    }
}

/// The JSON body of `POST /api/v1/rates/hotels` (and, merged with the stored hotel, of PATCH).
struct HotelBody: Decodable {
    let destination: String
    let name: String
    let rating: Double?
    let description: String?
    let is_active: Bool?

    /// The body checked: (destination, name, rating text, description), each 422 naming its field.
    ///
    /// - Parameter resolveDestination: false keeps `destination` as stored (a PATCH that does not change it).
    func checked(_ destinations: RateDestinations, resolveDestination: Bool = true) throws(HTTPError)
        -> (destination: String, name: String, rating: String?, description: String) {
        let destination = resolveDestination ? try destinations.resolve(self.destination) : self.destination
        let name = try RateRules.hotel(name, field: "name")
        let rating = try RateRules.rating(rating).map(RateRules.ratingText)
        let description = (description ?? "").trimmingASCIIWhitespace()
        guard description.count <= 2000 else { throw .invalid("description", "description must be at most 2000 characters long.") }
        return (destination, name, rating, description)
    }
}

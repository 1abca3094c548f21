internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension RateHandlers {
    /// `GET /api/v1/rates` — filters (all optional, combined with AND):
    /// - `destination`: equal ignoring case; a configured alias finds its destination's rows;
    /// - `hotel`: part of the hotel's name, ignoring case;
    /// - `hotel_id`: one hotel;
    /// - `currency`: a three-letter code;
    /// - `active`: `true` or `false`, the row's own `is_active`.
    /// `sort` is `destination` (default), `hotel`, `room_type` or `valid_from`, with a leading `-` for descending;
    /// ties are broken by the other columns and the id, so pages are stable.
    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let page = try Pagination(request)
        let filter = try Filter(request)
        let order = try Order(request.query("sort"))
        let tenant = principal.tenantID
        let result = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let destination = try filter.destination.map {
                RateDestinations(try TenantSettings.load(on: connection)).canonicalName($0)
            }
            func matching(_ select: StaticString, orderBy: StaticString, limit: Int?, offset: Int) -> PGQuery {
                """
                SELECT \(unsafe: select) FROM \(unsafe: RateRecord.source)
                WHERE r.tenant_id = \(tenant)
                  AND (\(destination)::text IS NULL OR lower(h.destination) = lower(\(destination)::text))
                  AND (\(filter.hotel)::text IS NULL OR strpos(lower(h.name), lower(\(filter.hotel)::text)) > 0)
                  AND (\(filter.hotelID)::uuid IS NULL OR r.hotel_id = \(filter.hotelID)::uuid)
                  AND (\(filter.currency)::text IS NULL OR r.currency = \(filter.currency)::text)
                  AND (\(filter.active)::boolean IS NULL OR r.is_active = \(filter.active)::boolean)
                ORDER BY \(unsafe: orderBy) LIMIT \(limit) OFFSET \(offset)
                """
            }
            let total = try connection.query(matching("count(*) AS n", orderBy: "1", limit: nil, offset: 0)).first?.int("n") ?? 0
            let rows = try connection.query(matching(RateRecord.columns, orderBy: order.sql, limit: page.limit, offset: page.offset))
            return Page(data: try rows.all.map(RateRecord.init), total: total, pagination: page)
        }
        return try .json(result)
    }

    /// The list filters, checked (422 naming the parameter).
    struct Filter {
        let destination: String?
        let hotel: String?
        let hotelID: String?
        let currency: String?
        let active: Bool?

        init(_ request: Request) throws(HTTPError) {
            destination = Self.text(request, "destination")
            hotel = Self.text(request, "hotel")
            if let id = Self.text(request, "hotel_id") {
                do { hotelID = try Validate.uuid(id) } catch { throw .invalid("hotel_id", "hotel_id must be a hotel's id.") }
            } else {
                hotelID = nil
            }
            currency = try Self.text(request, "currency").map { code throws(HTTPError) in try RateRules.currency(code) }
            active = try Self.active(request)
        }

        /// The trimmed query parameter `name`; nil when absent or empty.
        static func text(_ request: Request, _ name: String) -> String? {
            guard let value = request.query(name)?.trimmingASCIIWhitespace(), !value.isEmpty else { return nil }
            return value
        }

        /// `?active=true|false`. - Throws: 422 naming `active` for anything else.
        static func active(_ request: Request) throws(HTTPError) -> Bool? {
            switch text(request, "active") {
            case nil: return nil
            case "true": return true
            case "false": return false
            default: throw .invalid("active", "active must be true or false.")
            }
        }
    }

    /// `sort`: a fixed ORDER BY clause per choice (never built from the request's text).
    struct Order {
        let sql: StaticString

        init(_ value: String?) throws(HTTPError) {
            switch value ?? "destination" {
            case "destination": sql = "lower(h.destination), lower(h.name), lower(r.room_type), r.valid_from, r.id"
            case "-destination": sql = "lower(h.destination) DESC, lower(h.name), lower(r.room_type), r.valid_from, r.id"
            case "hotel": sql = "lower(h.name), lower(h.destination), lower(r.room_type), r.valid_from, r.id"
            case "-hotel": sql = "lower(h.name) DESC, lower(h.destination), lower(r.room_type), r.valid_from, r.id"
            case "room_type": sql = "lower(r.room_type), lower(h.name), r.valid_from, r.id"
            case "-room_type": sql = "lower(r.room_type) DESC, lower(h.name), r.valid_from, r.id"
            case "valid_from": sql = "r.valid_from, lower(h.destination), lower(h.name), r.id"
            case "-valid_from": sql = "r.valid_from DESC, lower(h.destination), lower(h.name), r.id"
            default:
                throw .invalid("sort", "sort must be destination, hotel, room_type or valid_from, optionally with a leading -.")
            }
        }
    }
}

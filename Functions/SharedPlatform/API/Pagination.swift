public import Runtime

/// `?limit=` (default 50, at most 200) and `?offset=` (default 0) of a list request (SPEC conventions).
public struct Pagination: Sendable {
    public let limit: Int
    public let offset: Int

    public static let defaultLimit = 50
    public static let maxLimit = 200

    /// - Throws: ``HTTPError`` 422 naming `limit` or `offset` when they are not integers in range.
    public init(_ request: Request) throws(HTTPError) {
        limit = try Self.integer(request.query("limit"), field: "limit", default: Self.defaultLimit, range: 1...Self.maxLimit)
        offset = try Self.integer(request.query("offset"), field: "offset", default: 0, range: 0...1_000_000)
    }

    private static func integer(_ text: String?, field: String, default value: Int, range: ClosedRange<Int>) throws(HTTPError) -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw .invalid(field, "\(field) must be an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }
}

/// A page of a list: `{"data":[…],"total":N,"limit":L,"offset":O}`.
public struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    public let data: [Item]
    public let total: Int
    public let limit: Int
    public let offset: Int

    public init(data: [Item], total: Int, pagination: Pagination) {
        self.data = data
        self.total = total
        self.limit = pagination.limit
        self.offset = pagination.offset
    }
}

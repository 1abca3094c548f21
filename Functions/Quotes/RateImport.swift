internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/rates/import` — a rate sheet as `text/csv` (UTF-8), all rows or none (SPEC §7). Admins only.
///
/// - The header row names exactly the 13 columns of ``RateInput/csvColumns``, in any order; a missing, unknown
///   or repeated column is a 422 `invalid_header` listing each.
/// - At most ``maxRows`` data rows (422 `too_many_rows`); none is a 422 `no_rows`.
/// - Every row is checked by the rules of `POST /api/v1/rates` (amounts in major units such as `10500.00`, an empty
///   `rating`, `nights`, `single`, `child` or `infant` meaning none), and every problem of every row is reported
///   at once: 422 `invalid_rows` with `rows:[{line, field, message}]`, `line` being the line the record starts on
///   (the header is line 1). Two rows of one hotel with the same room type, meal plan, window, nights and currency
///   are an error (`field` `row`), and so are two ratings for one hotel.
/// - Valid sheets are written in one transaction: hotels are found (ignoring case) or created, a row matching an
///   existing one of its hotel (same room type, meal plan, window, nights and currency) replaces that row's prices
///   and makes it active, any other row is added. Nothing is deleted. `200 {"imported":N, "inserted", "updated",
///   "hotels_created"}`; the import is audited with its counts.
enum RateImport {
    static let maxRows = 10_000

    static func handle(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        try checkMediaType(request)
        guard request.body.count <= context.services.config.server.maxBodyBytes else {
            throw HTTPError(.payloadTooLarge, code: .payloadTooLarge, message: "The rate sheet is larger than the upload limit.")
        }
        let records = RateCSV.parse(request.body)
        guard let header = records.first else {
            throw RateImportError(code: "no_rows", message: "The file is empty; its first line must be the header.")
        }
        let columns = try columnIndex(header)
        let data = records.dropFirst()
        guard !data.isEmpty else { throw RateImportError(code: "no_rows", message: "The file has a header but no rows.") }
        guard data.count <= maxRows else {
            throw RateImportError(code: "too_many_rows",
                                  message: "The file has \(data.count) rows; import at most \(maxRows) at a time.")
        }
        let tenant = principal.tenantID
        let counts = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let destinations = RateDestinations(try TenantSettings.load(on: connection))
            let rows = try checked(Array(data), columns: columns, destinations: destinations)
            try RateWriter.lock(tenant: tenant, on: connection)
            let counts = try RateWriter.importRows(rows, tenant: tenant, on: connection)
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "rates.import", target: "rates",
                             tenantID: tenant, detail: .object([
                                 "imported": .number(Double(rows.count)), "inserted": .number(Double(counts.inserted)),
                                 "updated": .number(Double(counts.updated)),
                                 "hotels_created": .number(Double(counts.hotelsCreated)),
                             ]), requestID: request.requestID)
            return counts
        }
        return try .json(["imported": counts.inserted + counts.updated, "inserted": counts.inserted,
                          "updated": counts.updated, "hotels_created": counts.hotelsCreated])
    }

    /// `text/csv`, in UTF-8 when a charset is named. - Throws: 415 otherwise.
    static func checkMediaType(_ request: Request) throws(HTTPError) {
        let header = request.headers["content-type"].flatMap(HeaderValue.init)
        let charset = header?.parameters["charset"]?.lowercased()
        guard header?.value == "text/csv", charset == nil || charset == "utf-8" || charset == "utf8" else {
            throw HTTPError(.unsupportedMediaType, code: .unsupportedMediaType, message: "Send the rate sheet as text/csv in UTF-8.")
        }
    }

    /// Each column's index in the header. - Throws: ``RateImportError`` `invalid_header` listing every problem.
    static func columnIndex(_ header: RateCSV.Record) throws(RateImportError) -> [String: Int] {
        var index: [String: Int] = [:]
        var rows: [RateImportError.Row] = []
        func problem(_ field: String, _ message: String) {
            rows.append(.init(line: header.line, field: field, message: message))
        }
        if let broken = header.problem { problem("header", "Column \(broken.column + 1): \(broken.message)") }
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingASCIIWhitespace()
            if name.isEmpty {
                problem("header", "Column \(position + 1) has no name.")
            } else if !RateInput.csvColumns.contains(name) {
                problem(name, "\"\(name)\" is not a column of a rate sheet.")
            } else if index[name] != nil {
                problem(name, "\(name) appears twice in the header.")
            } else {
                index[name] = position
            }
        }
        for name in RateInput.csvColumns where index[name] == nil { problem(name, "The header has no \(name) column.") }
        guard rows.isEmpty else {
            throw RateImportError(code: "invalid_header",
                                  message: "The header must name exactly these columns, in any order: "
                                      + RateInput.csvColumns.joined(separator: ",") + ".", rows: rows)
        }
        return index
    }

    /// The rows of `records`, each checked, then checked against each other.
    ///
    /// - Throws: ``RateImportError`` `invalid_rows` with one entry per bad field of every bad row.
    static func checked(_ records: [RateCSV.Record], columns: [String: Int],
                        destinations: RateDestinations) throws(RateImportError) -> [RateInput] {
        let names = Dictionary(uniqueKeysWithValues: columns.map { ($0.value, $0.key) })
        var problems: [RateImportError.Row] = []
        var rows: [RateInput] = []
        var firstLine: [String: Int] = [:]
        var rating: [String: (value: Double, line: Int)] = [:]
        for record in records {
            if let broken = record.problem {
                problems.append(.init(line: record.line, field: names[broken.column] ?? "row", message: broken.message))
                continue
            }
            guard record.fields.count == columns.count else {
                problems.append(.init(line: record.line, field: "row",
                                      message: "The row has \(record.fields.count) fields; the header has \(columns.count)."))
                continue
            }
            let (row, issues) = RateInput.checking(csv: { record.fields[columns[$0] ?? 0] }, destinations: destinations)
            problems += issues.map { .init(line: record.line, field: $0.field, message: $0.message) }
            guard let row else { continue }
            if let line = firstLine[row.duplicateKey] {
                problems.append(.init(line: record.line, field: "row", message:
                    "The row repeats line \(line): the same hotel, room_type, meal_plan, window, nights and currency."))
                continue
            }
            firstLine[row.duplicateKey] = record.line
            if let stars = row.rating {
                if let earlier = rating[row.hotelKey], earlier.value != stars {
                    problems.append(.init(line: record.line, field: "rating", message:
                        "The rating differs from line \(earlier.line) for the same hotel (\(RateRules.ratingText(earlier.value)))."))
                    continue
                }
                rating[row.hotelKey] = rating[row.hotelKey] ?? (stars, record.line)
            }
            rows.append(row)
        }
        guard problems.isEmpty else {
            let lines = Set(problems.map(\.line)).count
            let summary = "\(lines) \(lines == 1 ? "row has" : "rows have") errors; nothing was imported."
            throw RateImportError(code: "invalid_rows", message: summary, rows: problems)
        }
        return rows
    }
}

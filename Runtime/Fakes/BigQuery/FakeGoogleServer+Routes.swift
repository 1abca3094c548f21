internal import FoundationEssentials
internal import Runtime
internal import RuntimeTesting

extension FakeGoogleServer.Handler {
    func token(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse {
        guard FakeHTTP.mediaType(request) == "application/x-www-form-urlencoded" else {
            return Self.oauthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded")
        }
        let form = Dictionary(FormURLEncoded.parse(request.body).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" else {
            return Self.oauthError("unsupported_grant_type", "Invalid grant_type")
        }
        let parts = (form["assertion"] ?? "").split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = try? JSONValue.object(from: headerBytes), let claims = try? JSONValue.object(from: claimBytes),
            let algorithm = header["alg"]?.string
        else { return Self.oauthError("invalid_grant", "Invalid JWT") }
        guard verifier(algorithm, Array((parts[0] + "." + parts[1]).utf8), signature) else {
            return Self.oauthError("invalid_grant", "Invalid JWT Signature.")
        }
        let now = Date().timeIntervalSince1970
        guard claims["iss"]?.string == clientEmail, claims["aud"]?.string == tokenURL.value,
            (claims["scope"]?.string ?? "").split(separator: " ").contains("https://www.googleapis.com/auth/bigquery"),
            let issued = claims["iat"]?.number, let expires = claims["exp"]?.number,
            expires > now, expires - issued <= 3600, issued <= now + 60
        else { return Self.oauthError("invalid_grant", "Invalid JWT: claims rejected") }
        let token = "ya29.fake-" + FakeHTTP.hex(bytes: 24)
        state.withLock {
            $0.tokens.insert(token)
            $0.tokensIssued += 1
        }
        return FakeHTTP.json(200, .object(["access_token": .string(token), "expires_in": .number(Double(tokenLifetime)),
                                           "token_type": .string("Bearer")]))
    }

    func query(_ body: [String: JSONValue]) -> LoopbackHTTPServer.ScriptedResponse {
        guard let sql = body["query"]?.string, !sql.isEmpty else { return Self.apiError(400, "Required parameter is missing: query") }
        guard body["useLegacySql"]?.bool == false else { return Self.apiError(400, "Legacy SQL is not supported here") }
        for parameter in body["queryParameters"]?.array ?? [] {
            guard body["parameterMode"]?.string == "NAMED", let name = parameter["name"]?.string,
                sql.contains("@" + name), parameter["parameterType"]?["type"]?.string != nil,
                parameter["parameterValue"] != nil
            else { return Self.apiError(400, "Query parameter is malformed or not used") }
        }
        let result = state.withLock { state in
            state.queries.append(body)
            return state.queryResult
        }
        let rows: [JSONValue] = result.rows.map { row in
            .object(["f": .array(row.map { cell in .object(["v": cell.map { JSONValue.string($0) } ?? .null]) })])
        }
        return FakeHTTP.json(200, .object([
            "kind": .string("bigquery#queryResponse"),
            "schema": .object(["fields": .array(result.fields.map {
                .object(["name": .string($0.name), "type": .string($0.type), "mode": .string("NULLABLE")])
            })]),
            "jobReference": .object(["projectId": .string(project), "jobId": .string("job_" + FakeHTTP.hex(bytes: 12)),
                                     "location": .string("US")]),
            "totalRows": .string(String(result.rows.count)), "rows": .array(rows), "totalBytesProcessed": .string("0"),
            "jobComplete": .bool(true), "cacheHit": .bool(false),
        ]))
    }

    func insertAll(table: String, _ body: [String: JSONValue]) -> LoopbackHTTPServer.ScriptedResponse {
        guard let rows = body["rows"]?.array, !rows.isEmpty else { return Self.apiError(400, "No rows present in the request.") }
        var errors: [JSONValue] = []
        for (index, row) in rows.enumerated() {
            guard let json = row["json"]?.object else { return Self.apiError(400, "Row \(index) has no json member") }
            if let allowed = tableColumns[table], let unknown = json.keys.first(where: { !allowed.contains($0) }) {
                errors.append(.object(["index": .number(Double(index)), "errors": .array([.object([
                    "reason": .string("invalid"), "location": .string(unknown), "message": .string("no such field: \(unknown)."),
                ])])]))
                continue
            }
            state.withLock { state in
                if let id = row["insertId"]?.string {
                    guard state.insertIDs.insert(table + "/" + id).inserted else { return }
                }
                state.tables[table, default: []].append(json)
            }
        }
        var answer: [String: JSONValue] = ["kind": .string("bigquery#tableDataInsertAllResponse")]
        if !errors.isEmpty { answer["insertErrors"] = .array(errors) }
        return FakeHTTP.json(200, .object(answer))
    }

    static func apiErrorBody(_ status: Int, _ message: String) -> JSONValue {
        let names = [400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED"]
        return .object(["error": .object(["code": .number(Double(status)), "message": .string(message),
                                          "status": .string(names[status] ?? "INTERNAL")])])
    }

    static func apiError(_ status: Int, _ message: String) -> LoopbackHTTPServer.ScriptedResponse {
        FakeHTTP.json(status, apiErrorBody(status, message))
    }

    static func oauthError(_ error: String, _ description: String) -> LoopbackHTTPServer.ScriptedResponse {
        FakeHTTP.json(400, .object(["error": .string(error), "error_description": .string(description)]))
    }
}

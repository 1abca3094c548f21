public import Logging
public import Runtime
internal import RuntimeHTTPClient

/// BigQuery's REST API v2 for the analytics export: `jobs.query` with named parameters and `tabledata.insertAll`
/// streaming inserts (wire-formats.md §A9).
///
/// Authenticates with a Bearer token from ``GoogleTokenSource`` (refetched once after a 401). Not Sendable: it
/// holds its thread's transport. Errors are ``ProviderError`` (provider `google`).
public final class BigQueryClient {
    public let configuration: BigQueryConfiguration
    private let tokens: GoogleTokenSource
    private let endpoint: ProviderEndpoint

    public init(configuration: BigQueryConfiguration, tokens: GoogleTokenSource, transport: any ProviderTransport,
                logger: Logger) {
        self.configuration = configuration
        self.tokens = tokens
        self.endpoint = ProviderEndpoint(provider: "google", baseURL: configuration.baseURL, transport: transport,
                                         logger: logger, timeout: configuration.timeout)
    }

    /// Runs a standard-SQL query (`POST /bigquery/v2/projects/{p}/queries`) with the configured dataset as default.
    /// - Parameter timeoutMilliseconds: how long BigQuery may wait before answering `jobComplete: false`.
    public func query(_ sql: String, parameters: [BigQueryParameter] = [], timeoutMilliseconds: Int = 10_000,
                      maxResults: Int? = nil, deadline: Deadline? = nil) throws(ProviderError) -> BigQueryQueryResult
    {
        var body: [String: JSONValue] = [
            "query": .string(sql), "useLegacySql": .bool(false), "timeoutMs": .number(Double(timeoutMilliseconds)),
            "defaultDataset": .object(["projectId": .string(configuration.project),
                                       "datasetId": .string(configuration.dataset)]),
        ]
        if !parameters.isEmpty {
            body["parameterMode"] = .string("NAMED")
            body["queryParameters"] = .array(parameters.map { parameter in
                .object(["name": .string(parameter.name),
                         "parameterType": .object(["type": .string(parameter.type)]),
                         "parameterValue": .object(["value": parameter.value.map { JSONValue.string($0) } ?? .null])])
            })
        }
        if let maxResults { body["maxResults"] = .number(Double(maxResults)) }
        let response = try authorized("jobs.query", "POST", projectPath("/queries"), body: .object(body),
                                      deadline: deadline)
        guard let object = try? JSONValue.object(from: response.body), let result = Self.queryResult(object) else {
            throw ProviderError(provider: "google", code: .malformedResponse, status: response.status)
        }
        return result
    }

    /// Streams rows into `table` (`POST …/datasets/{d}/tables/{t}/insertAll`); returns the rows BigQuery refused.
    public func insertAll(table: String, rows: [BigQueryInsertRow], deadline: Deadline? = nil)
        throws(ProviderError) -> [BigQueryInsertError]
    {
        guard !rows.isEmpty else { return [] }
        guard !table.isEmpty, table.utf8.allSatisfy({ $0 == 95 || ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) })
        else { throw ProviderError(provider: "google", code: .invalidRequest, providerMessage: "malformed table name") }
        let body: JSONValue = .object([
            "kind": .string("bigquery#tableDataInsertAllRequest"), "skipInvalidRows": .bool(false),
            "ignoreUnknownValues": .bool(false),
            "rows": .array(rows.map { .object(["insertId": .string($0.insertID), "json": .object($0.json)]) }),
        ])
        let path = projectPath("/datasets/\(FormEncoding.percentEncode(configuration.dataset))/tables/\(table)/insertAll")
        let response = try authorized("tabledata.insertAll", "POST", path, body: body, deadline: deadline)
        guard let object = try? JSONValue.object(from: response.body) else {
            throw ProviderError(provider: "google", code: .malformedResponse, status: response.status)
        }
        return (object["insertErrors"]?.array ?? []).compactMap { entry in
            guard let index = entry["index"]?.number else { return nil }
            let reasons = (entry["errors"]?.array ?? []).compactMap { $0["reason"]?.string }
            return BigQueryInsertError(index: Int(index), reasons: reasons)
        }
    }

    private func projectPath(_ rest: String) -> String {
        "/bigquery/v2/projects/\(FormEncoding.percentEncode(configuration.project))" + rest
    }

    /// Sends with a Bearer token; on 401 fetches a fresh token and tries once more.
    private func authorized(_ operation: String, _ method: String, _ path: String, body: JSONValue,
                            deadline: Deadline?) throws(ProviderError) -> HTTPClientResponse
    {
        let bytes: [UInt8]
        do { bytes = try JSON.encode(body) } catch {
            throw ProviderError(provider: "google", code: .invalidRequest, providerMessage: "body not encodable")
        }
        func send() throws(ProviderError) -> HTTPClientResponse {
            let token = try tokens.accessToken(deadline: deadline)
            return try endpoint.call(operation, method, path, headers: [
                ("Authorization", "Bearer " + token.value), ("Content-Type", "application/json"),
                ("Accept", "application/json"),
            ], body: bytes, deadline: deadline, errorDetail: Self.errorDetail)
        }
        do {
            return try send()
        } catch where error.code == .unauthorized && error.provider == "google" && error.status == 401 {
            tokens.invalidate()
            return try send()
        }
    }

    /// Google API errors: `{"error":{"code":400,"message":…,"status":…}}`.
    static func errorDetail(_ body: [UInt8]) -> (code: Int?, message: String?) {
        guard let object = try? JSONValue.object(from: body), let error = object["error"] else { return (nil, nil) }
        return (error["code"]?.number.map { Int($0) }, error["message"]?.string)
    }
}

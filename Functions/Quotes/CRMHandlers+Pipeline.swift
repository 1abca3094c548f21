internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension CRMHandlers {
    struct PipelineStage: Encodable {
        let stage: String
        let count: Int
        /// One entry per currency, sorted by code; empty when the stage has no priced quotes.
        let value: [Money]
    }

    /// `GET /pipeline` → `{"stages":[{"stage","count","value":[Money…]}]}`, every stage in chain order then `LOST`.
    ///
    /// A stage's value sums, over its clients' live quotes (not cancelled, declined or expired), each quote's value:
    /// the total of its selected option or, when none is selected, of its cheapest option; an option without one
    /// `total` (items in several currencies) counts its per-currency `totals`. Computed in SQL with the jsonb
    /// functions — nothing is fetched to be added up here.
    static func pipeline(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let stages = try inTenant(principal, context) { connection in
            var counts: [String: Int] = [:]
            for row in try connection.query("""
                SELECT stage, count(*) AS n FROM clients WHERE tenant_id = \(principal.tenantID) GROUP BY stage
                """).all {
                counts[try row.string("stage")] = try row.int("n")
            }
            var values: [String: [Money]] = [:]
            for row in try connection.query("""
                WITH chosen AS (
                    SELECT c.stage, o.opt FROM clients c
                    JOIN quotes q ON q.tenant_id = c.tenant_id AND q.client_id = c.id
                                 AND q.status NOT IN ('cancelled', 'declined', 'expired')
                    CROSS JOIN LATERAL (
                        SELECT e.opt FROM jsonb_array_elements(q.options) WITH ORDINALITY AS e(opt, n)
                        WHERE q.selected_option IS NULL OR e.n - 1 = q.selected_option
                        ORDER BY (e.opt -> 'total' ->> 'amount')::bigint ASC NULLS LAST, e.n LIMIT 1
                    ) o
                    WHERE c.tenant_id = \(principal.tenantID)
                )
                SELECT stage, m ->> 'currency' AS currency, sum((m ->> 'amount')::bigint)::bigint AS amount
                FROM chosen CROSS JOIN LATERAL jsonb_array_elements(
                    CASE WHEN jsonb_typeof(opt -> 'total') = 'object' THEN jsonb_build_array(opt -> 'total')
                         WHEN jsonb_typeof(opt -> 'totals') = 'array' THEN opt -> 'totals'
                         ELSE '[]'::jsonb END) m
                GROUP BY stage, m ->> 'currency' ORDER BY stage, currency
                """).all {
                let amount = Money(Int64(try row.int("amount")), try row.string("currency"))
                values[try row.string("stage"), default: []].append(amount)
            }
            return ClientStage.allCases.map {
                PipelineStage(stage: $0.rawValue, count: counts[$0.rawValue] ?? 0, value: values[$0.rawValue] ?? [])
            }
        }
        return try .json(["stages": stages])
    }

    struct Stats: Encodable {
        let total_clients: Int
        let by_stage: [String: Int]
        let by_source: [String: Int]
        /// Clients created in the last 30 days.
        let new_last_30_days: Int
    }

    /// `GET /stats`: counts in one grouped query; every stage is listed, sources as they occur.
    static func stats(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let stats = try inTenant(principal, context) { connection in
            var total = 0, recent = 0
            var byStage = Dictionary(uniqueKeysWithValues: ClientStage.names.map { ($0, 0) })
            var bySource: [String: Int] = [:]
            for row in try connection.query("""
                SELECT GROUPING(stage) AS all_stages, GROUPING(source) AS all_sources, stage, source, count(*) AS n,
                       count(*) FILTER (WHERE created_at >= now() - interval '30 days') AS recent
                FROM clients WHERE tenant_id = \(principal.tenantID)
                GROUP BY GROUPING SETS ((stage), (source), ())
                """).all {
                switch (try row.int("all_stages"), try row.int("all_sources")) {
                case (0, _): byStage[try row.string("stage")] = try row.int("n")
                case (_, 0): bySource[try row.string("source")] = try row.int("n")
                default:
                    total = try row.int("n")
                    recent = try row.int("recent")
                }
            }
            return Stats(total_clients: total, by_stage: byStage, by_source: bySource, new_last_30_days: recent)
        }
        return try .json(stats)
    }
}

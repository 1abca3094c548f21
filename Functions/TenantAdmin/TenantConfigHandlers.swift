internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `GET/PUT/PATCH /api/v1/tenant/config` — the signed-in tenant's configuration (SPEC §7 "Tenant config").
///
/// Any user may read it; admins change it. PATCH is a JSON Merge Patch (RFC 7396) on the effective config,
/// PUT replaces it (missing sections fall back to defaults); either way the result is validated as a
/// whole by ``TenantConfigSchema`` before it is stored, and refused (409) when it claims an inbound address,
/// subuser or phone number another tenant holds (``RoutingClaims``). Every process sees the change within seconds (the
/// `tenant_changed` notification).
enum TenantConfigHandlers {
    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/tenant/config", get)
        router.put("/api/v1/tenant/config", replace)
        router.patch("/api/v1/tenant/config", patch)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let config = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { try effective($0) }
        return try .json(config)
    }

    /// PUT: the body is the whole config; sections it leaves out return to their defaults.
    static func replace(_ request: Request, _ context: PlatformContext) throws -> Response {
        try change(request, context) { stored, body, company, currency in
            _ = stored
            return try TenantConfigSchema.validate(TenantConfigSchema.effective(stored: body, companyName: company, currency: currency))
        }
    }

    /// PATCH: RFC 7396 onto the stored config; a `null` member returns that key to its default.
    static func patch(_ request: Request, _ context: PlatformContext) throws -> Response {
        try change(request, context) { stored, body, company, currency in
            try TenantConfigSchema.patched(stored: stored, patch: body, companyName: company, currency: currency)
        }
    }

    private static func change(_ request: Request, _ context: PlatformContext,
                               apply: (JSONValue?, JSONValue, String, String) throws -> JSONValue) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let body = try decodeObject(request)
        let saved = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> JSONValue in
            guard let tenant = try connection.query("SELECT company_name, currency, config::text AS config FROM tenants").first else {
                throw HTTPError.notFound()
            }
            let stored = try? JSON.decode(JSONValue.self, from: Array(try tenant.string("config").utf8))
            let valid = try apply(stored, body, try tenant.string("company_name"), try tenant.string("currency"))
            try RoutingClaims.check(valid, stored: stored, inboundDomain: context.services.config.inboundEmailDomain,
                                    on: connection)
            let text = String(decoding: try JSON.encode(valid), as: UTF8.self)
            try connection.query("UPDATE tenants SET config = \(text)::jsonb, updated_at = now()")
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "config.update", target: "config",
                             tenantID: principal.tenantID, requestID: request.requestID)
            return valid
        }
        context.services.shared.invalidate(tenant: principal.tenantID)
        return try .json(saved)
    }

    /// The stored config over the defaults.
    static func effective(_ connection: PGConnection) throws -> JSONValue {
        try TenantSettings.load(on: connection).config
    }

    /// The body as a JSON object; `application/merge-patch+json` and `application/json` are accepted.
    private static func decodeObject(_ request: Request) throws -> JSONValue {
        let value = try request.decode(JSONValue.self)
        guard case .object = value else { throw HTTPError(.badRequest, code: .malformedJSON, message: "The body must be a JSON object.") }
        return value
    }
}

internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /webhooks/email/inbound` and `/webhooks/email/inbound/{tenant_id}` — SendGrid Inbound Parse, parsed or
/// raw form, **stored whole before the answer** (SPEC §1).
///
/// - Authentication: HTTP basic credentials from the URL configured at SendGrid (`INBOUND_WEBHOOK_USERNAME`,
///   `INBOUND_WEBHOOK_PASSWORD`), compared in constant time: 401 otherwise (not SendGrid's post). Unconfigured: 503,
///   so SendGrid keeps the mail and retries.
/// - Storage (``InboundStore``): every text field and attachment, then the `inbound.process` job, in one
///   transaction; `200 {"status":"stored","id"}` only after it commits. If the database fails the answer is 5xx
///   and SendGrid retries (it drops 4xx at once, so 4xx is kept for posts that are not SendGrid's).
/// - Re-delivery of the same message (same Message-ID, or the same post when there is none) answers
///   `200 {"status":"duplicate","id"}` and stores nothing.
enum InboundWebhookHandlers {
    static func install(on router: inout PlatformRouter) {
        router.post("/webhooks/email/inbound") { try receive($0, $1, urlTenant: nil) }
        router.post("/webhooks/email/inbound/{tenant_id}") { request, context in
            try receive(request, context, urlTenant: try context.parameter("tenant_id"))
        }
    }

    static func receive(_ request: Request, _ context: PlatformContext, urlTenant: String?) throws -> Response {
        guard let credentials = context.services.config.inboundWebhookCredentials else {
            throw HTTPError(.serviceUnavailable, code: "inbound_not_configured",
                            message: "The inbound email webhook is not configured on this server.")
        }
        guard authorized(request.headers["authorization"], credentials) else {
            throw HTTPError(.unauthorized, code: "unauthorized", message: "Valid webhook credentials are required.",
                            headers: ["WWW-Authenticate": #"Basic realm="inbound""#])
        }
        guard let contentType = request.headers["content-type"], request.mediaType == "multipart/form-data" else {
            throw HTTPError(.unsupportedMediaType, code: "unsupported_media_type",
                            message: "Inbound Parse posts multipart/form-data.")
        }
        let tenant = try urlTenant.map { try Validate.tenantID($0) }
        let post = try InboundPost(parts: try Multipart.parse(body: request.body, contentType: contentType,
                                                              limits: .init(maxParts: 200)))
        let stored = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            try InboundStore.store(post, urlTenant: tenant, bodyBytes: request.body.count, on: connection)
        }
        context.logger.info("inbound email", metadata: ["inbound.id": .string(stored.id),
                                                        "inbound.status": .string(stored.created ? "stored" : "duplicate")])
        return try .json(["status": stored.created ? "stored" : "duplicate", "id": stored.id])
    }

    /// `Basic base64(user:password)` matching the configured pair; the encoded forms are compared in constant time.
    static func authorized(_ header: String?, _ credentials: (username: String, password: Secret)) -> Bool {
        guard let header, header.utf8.count <= 1024, header.lowercased().hasPrefix("basic ") else { return false }
        let given = header.dropFirst(6).filter { $0 != " " }
        let url = Base64URL.encode(Array((credentials.username + ":" + credentials.password.value).utf8))
        var expected = String(url.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while expected.utf8.count % 4 != 0 { expected += "=" }
        return ConstantTime.equals(Array(given.utf8), Array(expected.utf8))
    }
}

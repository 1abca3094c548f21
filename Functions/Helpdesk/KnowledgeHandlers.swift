internal import Knowledge
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/knowledge/documents…` — a tenant's knowledge base (SPEC §3, §7 "Knowledge upload").
///
/// Every user of the tenant reads (list, get, download) its own documents and the global ones; only the tenant's
/// admins upload, edit, delete and reindex, and only their own documents (a global one answers 404, and RLS refuses
/// the write as well). Uploading answers 202 at once: the bytes and a `knowledge.index` job are stored in one
/// transaction, and the worker extracts and indexes later. The same content (SHA-256) uploaded twice in one scope
/// is refused with 409 `duplicate_document` naming the existing document, so a reindex is the way to refresh it.
enum KnowledgeHandlers {
    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/knowledge/documents", upload)
        router.get("/api/v1/knowledge/documents", list)
        router.get("/api/v1/knowledge/documents/{id}", get)
        router.get("/api/v1/knowledge/documents/{id}/download", download)
        router.patch("/api/v1/knowledge/documents/{id}", update)
        router.delete("/api/v1/knowledge/documents/{id}", delete)
        router.post("/api/v1/knowledge/documents/{id}/reindex", reindex)
        KnowledgeAdminHandlers.install(on: &router)
    }

    static var settings: KnowledgeSettings { KnowledgeSettings.process }

    static func upload(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        return try KnowledgeOperations.upload(request, context, scope: .tenant(principal.tenantID), uploadedBy: principal.userID)
    }

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let filter = try KnowledgeOperations.filter(request, allowScope: true)
        let page = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try KnowledgeStore.list(filter, reader: principal.tenantID, on: connection)
        }
        return try KnowledgeOperations.page(page)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let found = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try KnowledgeStore.findReadable(id: id, scope: .tenant(principal.tenantID), on: connection)
        }
        guard let found else { throw HTTPError.notFound("No such document.") }
        return try .json(["document": found])
    }

    static func download(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        return try KnowledgeOperations.download(request, context, scope: .tenant(principal.tenantID), readable: true)
    }

    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        return try KnowledgeOperations.update(request, context, scope: .tenant(principal.tenantID))
    }

    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        return try KnowledgeOperations.delete(request, context, scope: .tenant(principal.tenantID))
    }

    static func reindex(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        return try KnowledgeOperations.reindex(request, context, scope: .tenant(principal.tenantID))
    }
}

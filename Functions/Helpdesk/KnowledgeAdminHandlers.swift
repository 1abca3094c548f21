internal import Knowledge
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/knowledge/global/documents…` — the platform-wide knowledge base, managed with `X-Admin-Token`
/// (``PlatformAdmin``) through the platform path (`Database.asPlatform`). Every tenant reads these documents through
/// its own routes; none can change them.
enum KnowledgeAdminHandlers {
    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/knowledge/global/documents", upload)
        router.get("/api/v1/knowledge/global/documents", list)
        router.get("/api/v1/knowledge/global/documents/{id}", get)
        router.get("/api/v1/knowledge/global/documents/{id}/download", download)
        router.patch("/api/v1/knowledge/global/documents/{id}", update)
        router.delete("/api/v1/knowledge/global/documents/{id}", delete)
        router.post("/api/v1/knowledge/global/documents/{id}/reindex", reindex)
    }

    static func upload(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        return try KnowledgeOperations.upload(request, context, scope: .global, uploadedBy: nil)
    }

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let filter = try KnowledgeOperations.filter(request, allowScope: false)
        let page = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            try KnowledgeStore.list(filter, reader: nil, on: connection)
        }
        return try KnowledgeOperations.page(page)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let found = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            try KnowledgeStore.find(id: id, scope: .global, on: connection)
        }
        guard let found else { throw HTTPError.notFound("No such document.") }
        return try .json(["document": found])
    }

    static func download(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        return try KnowledgeOperations.download(request, context, scope: .global, readable: false)
    }

    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        return try KnowledgeOperations.update(request, context, scope: .global)
    }

    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        return try KnowledgeOperations.delete(request, context, scope: .global)
    }

    static func reindex(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        return try KnowledgeOperations.reindex(request, context, scope: .global)
    }
}

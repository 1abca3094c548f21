internal import Knowledge
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// The work behind both route sets (tenant and global), parameterised by ``KnowledgeScope``; the callers have
/// already authenticated and chosen the scope.
enum KnowledgeOperations {
    static func upload(_ request: Request, _ context: PlatformContext, scope: KnowledgeScope, uploadedBy: String?) throws -> Response {
        let settings = KnowledgeSettings.process
        let parts = try request.multipart(limits: .init(maxParts: 20, maxHeaderBytes: 16 * 1024))
        let upload = try KnowledgeUpload(parts: parts, maxBytes: settings.maxUploadBytes)
        let storage = settings.directory.map(KnowledgeFileStorage.init(root:))
        let document = try scope.transaction(context.services.database, deadline: context.deadline) { connection in
            if let existing = try KnowledgeStore.duplicate(sha256: upload.sha256, scope: scope, on: connection) {
                throw HTTPError(.conflict, code: "duplicate_document",
                                message: "This file was already uploaded as document \(existing); reindex it instead.")
            }
            return try KnowledgeStore.create(upload, scope: scope, uploadedBy: uploadedBy, storage: storage, on: connection)
        }
        context.logger.info("knowledge document uploaded", metadata: ["document.id": .string(document.id),
                                                                       "document.format": .string(document.format),
                                                                       "document.bytes": .stringConvertible(document.byte_size)])
        return try .json(["document": document], status: 202)
    }

    /// The list filters of the query string; `scope` only on the tenant route.
    static func filter(_ request: Request, allowScope: Bool) throws(HTTPError) -> KnowledgeListFilter {
        func choice(_ name: String, _ choices: [String]) throws(HTTPError) -> String? {
            guard let value = request.query(name), !value.isEmpty else { return nil }
            return try Validate.choice(value, field: name, from: choices)
        }
        func text(_ name: String) -> String? {
            request.query(name).map { $0.trimmingASCIIWhitespace() }.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        }
        var filter = KnowledgeListFilter()
        filter.status = try choice("status", ["pending", "processing", "indexed", "error"])
        filter.visibility = try choice("visibility", ["private", "public"])
        filter.scope = allowScope ? try choice("scope", ["tenant", "global", "all"]) ?? "all" : "global"
        filter.category = text("category")
        filter.tag = text("tag")
        filter.query = text("q")
        if let raw = request.query("limit"), !raw.isEmpty {
            guard let limit = Int(raw), (1...Pagination.maxLimit).contains(limit) else {
                throw .invalid("limit", "limit must be an integer from 1 to \(Pagination.maxLimit).")
            }
            filter.limit = limit
        } else {
            filter.limit = Pagination.defaultLimit
        }
        if let raw = request.query("cursor"), !raw.isEmpty { filter.cursor = try KeysetCursor(raw) }
        return filter
    }

    static func page(_ page: (documents: [KnowledgeDocument], next: String?)) throws -> Response {
        struct Body: Encodable {
            let data: [KnowledgeDocument]
            let next_cursor: String?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(data, forKey: .data)
                try container.encode(next_cursor, forKey: .next_cursor)
            }
            enum CodingKeys: String, CodingKey { case data, next_cursor }
        }
        return try .json(Body(data: page.documents, next_cursor: page.next))
    }

    static func download(_ request: Request, _ context: PlatformContext, scope: KnowledgeScope, readable: Bool) throws -> Response {
        let id = try Validate.uuid(try context.parameter("id"))
        let storage = KnowledgeSettings.process.directory.map(KnowledgeFileStorage.init(root:))
        let found = try scope.transaction(context.services.database, deadline: context.deadline) { connection -> (KnowledgeDocument, [UInt8])? in
            let found = try readable ? KnowledgeStore.findReadable(id: id, scope: scope, on: connection)
                                     : KnowledgeStore.find(id: id, scope: scope, on: connection)
            guard let document = found,
                  let bytes = try KnowledgeStore.bytes(id: id, storagePath: try KnowledgeStore.storagePath(id: id, on: connection),
                                                       storage: storage, on: connection)
            else { return nil }
            return (document, bytes)
        }
        guard let found else { throw HTTPError.notFound("No such document.") }
        let (document, bytes) = found
        var headers = Headers()
        headers["content-type"] = DocumentFormat(rawValue: document.format)?.contentType ?? "application/octet-stream"
        headers["content-disposition"] = KnowledgeDisposition.attachment(filename: document.filename)
        headers["cache-control"] = "private, no-store"
        return Response(status: 200, headers: headers, body: bytes)
    }

    static func update(_ request: Request, _ context: PlatformContext, scope: KnowledgeScope) throws -> Response {
        let id = try Validate.uuid(try context.parameter("id"))
        let patch = try KnowledgeDisposition.patch(try request.decode(JSONValue.self))
        let updated = try scope.transaction(context.services.database, deadline: context.deadline) { connection in
            try KnowledgeStore.update(id: id, scope: scope, patch: patch, on: connection)
        }
        guard let updated else { throw HTTPError.notFound("No such document.") }
        return try .json(["document": updated])
    }

    static func delete(_ request: Request, _ context: PlatformContext, scope: KnowledgeScope) throws -> Response {
        let id = try Validate.uuid(try context.parameter("id"))
        let deleted = try scope.transaction(context.services.database, deadline: context.deadline) { connection in
            try KnowledgeStore.delete(id: id, scope: scope, on: connection)
        }
        guard deleted.found else { throw HTTPError.notFound("No such document.") }
        if let path = deleted.path, let root = KnowledgeSettings.process.directory {
            KnowledgeFileStorage(root: root).remove(path)
        }
        return .empty()
    }

    static func reindex(_ request: Request, _ context: PlatformContext, scope: KnowledgeScope) throws -> Response {
        let id = try Validate.uuid(try context.parameter("id"))
        let document = try scope.transaction(context.services.database, deadline: context.deadline) { connection -> KnowledgeDocument? in
            guard try KnowledgeStore.reindex(id: id, scope: scope, on: connection) else { return nil }
            return try KnowledgeStore.find(id: id, scope: scope, on: connection)
        }
        guard let document else { throw HTTPError.notFound("No such document.") }
        return try .json(["document": document], status: 202)
    }
}

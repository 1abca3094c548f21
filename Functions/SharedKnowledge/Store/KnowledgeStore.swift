internal import Runtime
public import RuntimePostgres

/// SQL for knowledge documents, on the caller's transaction (``KnowledgeScope/transaction(_:deadline:_:)``).
/// Every statement names the scope's tenant (or `tenant_id IS NULL`) explicitly; RLS enforces the same again.
public enum KnowledgeStore {
    /// The worker's job kind (payload `{"document_id":"<uuid>"}`).
    public static let jobKind = "knowledge.index"

    /// Inserts the document (status `pending`), its bytes (table or directory) and its `knowledge.index` job.
    /// - Returns: the new document.
    public static func create(_ upload: KnowledgeUpload, scope: KnowledgeScope, uploadedBy: String?,
                              storage: KnowledgeFileStorage?, on connection: PGConnection) throws -> KnowledgeDocument {
        let tenant = scope.tenantID
        guard let id = try connection.query("""
            INSERT INTO knowledge_documents (tenant_id, title, filename, content_type, format, byte_size, sha256, category,
                                             tags, visibility, language, uploaded_by, storage)
            VALUES (\(tenant), \(upload.title), \(upload.filename), \(upload.format.contentType), \(upload.format.rawValue),
                    \(upload.bytes.count), \(upload.sha256), \(upload.category), \(PGTextArray(upload.tags))::text[],
                    \(upload.visibility), \(upload.language)::regconfig, \(uploadedBy)::uuid,
                    \(storage == nil ? "database" : "directory"))
            RETURNING id::text AS id
            """).first?.string("id") else { throw PGError(.decodingFailed, serverMessage: "INSERT returned no row") }
        if let storage {
            let path = try storage.write(upload.bytes, scope: scope, id: id)
            try connection.query("UPDATE knowledge_documents SET storage_path = \(path) WHERE id = \(id)::uuid")
        } else {
            try connection.query("""
                INSERT INTO knowledge_files (document_id, tenant_id, content) VALUES (\(id)::uuid, \(tenant), \(PGBytes(upload.bytes))::bytea)
                """)
        }
        try enqueue(id: id, scope: scope, on: connection)
        guard let document = try find(id: id, scope: scope, on: connection) else { throw HTTPError.notFound() }
        return document
    }

    /// Queues indexing of document `id`.
    public static func enqueue(id: String, scope: KnowledgeScope, on connection: PGConnection) throws {
        _ = try JobQueue.enqueue(on: connection, kind: jobKind, payload: #"{"document_id":"\#(id)"}"#, tenantID: scope.tenantID,
                                 maxAttempts: 5)
    }

    /// The document `id` of exactly this scope (a tenant never finds a global document here, and vice versa).
    public static func find(id: String, scope: KnowledgeScope, on connection: PGConnection) throws -> KnowledgeDocument? {
        try connection.query("""
            SELECT \(unsafe: KnowledgeDocument.columns) FROM knowledge_documents d
            WHERE d.id = \(id)::uuid AND d.tenant_id IS NOT DISTINCT FROM \(scope.tenantID)
            """).first.map(KnowledgeDocument.init(row:))
    }

    /// The document `id` as a reader in `scope` sees it: its own, or a global one.
    public static func findReadable(id: String, scope: KnowledgeScope, on connection: PGConnection) throws -> KnowledgeDocument? {
        try connection.query("""
            SELECT \(unsafe: KnowledgeDocument.columns) FROM knowledge_documents d
            WHERE d.id = \(id)::uuid AND (d.tenant_id IS NULL OR d.tenant_id = \(scope.tenantID))
            """).first.map(KnowledgeDocument.init(row:))
    }

    /// A document with the same content already in `scope`, if any.
    public static func duplicate(sha256: String, scope: KnowledgeScope, on connection: PGConnection) throws -> String? {
        try connection.query("""
            SELECT id::text AS id FROM knowledge_documents
            WHERE sha256 = \(sha256) AND tenant_id IS NOT DISTINCT FROM \(scope.tenantID) LIMIT 1
            """).first?["id"]
    }

    /// The original bytes of a readable document.
    public static func bytes(id: String, storagePath: String?, storage: KnowledgeFileStorage?,
                             on connection: PGConnection) throws -> [UInt8]? {
        if let storagePath {
            guard let storage else { throw StorageError(message: "the document is stored in KNOWLEDGE_DIR, which is not set") }
            return try storage.read(storagePath)
        }
        return try connection.query("SELECT content FROM knowledge_files WHERE document_id = \(id)::uuid").first?.bytes("content")
    }

    /// The storage path of document `id` (nil when its bytes are in the database).
    public static func storagePath(id: String, on connection: PGConnection) throws -> String? {
        try connection.query("SELECT storage_path FROM knowledge_documents WHERE id = \(id)::uuid").first?["storage_path"]
    }

    /// Deletes document `id` of `scope` (chunks and file row cascade). Returns its storage path, or nil if absent.
    public static func delete(id: String, scope: KnowledgeScope, on connection: PGConnection) throws -> (found: Bool, path: String?) {
        let rows = try connection.query("""
            DELETE FROM knowledge_documents WHERE id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(scope.tenantID)
            RETURNING storage_path
            """)
        return (rows.rowCount > 0, rows.first?["storage_path"])
    }

    /// Marks document `id` pending again and queues it; false when it does not exist in `scope`.
    public static func reindex(id: String, scope: KnowledgeScope, on connection: PGConnection) throws -> Bool {
        let updated = try connection.query("""
            UPDATE knowledge_documents SET status = 'pending', error_message = NULL, updated_at = now()
            WHERE id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(scope.tenantID)
            """).affectedRows
        guard updated > 0 else { return false }
        try enqueue(id: id, scope: scope, on: connection)
        return true
    }
}

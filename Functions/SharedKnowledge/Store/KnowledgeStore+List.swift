internal import Runtime
public import RuntimePostgres
public import SharedPlatform

/// Filters of a document list (`GET …/documents?status=&category=&tag=&visibility=&q=&scope=`).
public struct KnowledgeListFilter: Sendable {
    public var status: String?
    public var category: String?
    public var tag: String?
    public var visibility: String?
    /// Part of the title or file name, ignoring case.
    public var query: String?
    /// `tenant` (own only), `global` (global only) or `all`.
    public var scope: String
    public var limit: Int
    public var cursor: KeysetCursor?

    public init(status: String? = nil, category: String? = nil, tag: String? = nil, visibility: String? = nil,
                query: String? = nil, scope: String = "all", limit: Int = 50, cursor: KeysetCursor? = nil) {
        self.status = status
        self.category = category
        self.tag = tag
        self.visibility = visibility
        self.query = query
        self.scope = scope
        self.limit = limit
        self.cursor = cursor
    }
}

/// A fields-to-change set of `PATCH …/documents/{id}` (nil leaves a field as it is; `category` may be cleared).
public struct KnowledgePatch: Sendable {
    public var title: String?
    public var category: String??
    public var tags: [String]?
    public var visibility: String?

    public init(title: String? = nil, category: String?? = nil, tags: [String]? = nil, visibility: String? = nil) {
        self.title = title
        self.category = category
        self.tags = tags
        self.visibility = visibility
    }
}

extension KnowledgeStore {
    /// One page of documents, newest first, and the cursor of the next page (nil at the end). `reader` is the tenant
    /// whose own documents are included (nil for the platform admin, who lists global documents only).
    public static func list(_ filter: KnowledgeListFilter, reader: String?, on connection: PGConnection) throws
        -> (documents: [KnowledgeDocument], next: String?)
    {
        let includeOwn = reader != nil && filter.scope != "global"
        let includeGlobal = reader == nil || filter.scope != "tenant"
        let rows = try connection.query("""
            SELECT \(unsafe: KnowledgeDocument.columns) FROM knowledge_documents d
            WHERE ((\(includeOwn)::boolean AND d.tenant_id = \(reader)::text) OR (\(includeGlobal)::boolean AND d.tenant_id IS NULL))
              AND (\(filter.status)::text IS NULL OR d.status = \(filter.status)::text)
              AND (\(filter.category)::text IS NULL OR lower(d.category) = lower(\(filter.category)::text))
              AND (\(filter.tag)::text IS NULL OR lower(\(filter.tag)::text) = ANY (SELECT lower(t) FROM unnest(d.tags) t))
              AND (\(filter.visibility)::text IS NULL OR d.visibility = \(filter.visibility)::text)
              AND (\(filter.query)::text IS NULL OR strpos(lower(d.title), lower(\(filter.query)::text)) > 0
                   OR strpos(lower(d.filename), lower(\(filter.query)::text)) > 0)
              AND (\(filter.cursor?.micros)::bigint IS NULL
                   OR (d.created_at, d.id)
                      < (timestamptz 'epoch' + \(filter.cursor?.micros)::bigint * interval '1 microsecond', \(filter.cursor?.id)::uuid))
            ORDER BY d.created_at DESC, d.id DESC
            LIMIT \(filter.limit + 1)
            """)
        var documents = try rows.all.map(KnowledgeDocument.init(row:))
        var next: String?
        if documents.count > filter.limit {
            documents.removeLast(documents.count - filter.limit)
            next = documents.last?.cursor.text
        }
        return (documents, next)
    }

    /// Applies `patch` to document `id` of `scope`; a visibility change is copied to its chunks in the same
    /// transaction. Returns the updated document, or nil when it does not exist in `scope`.
    public static func update(id: String, scope: KnowledgeScope, patch: KnowledgePatch, on connection: PGConnection) throws
        -> KnowledgeDocument?
    {
        let tenant = scope.tenantID
        let clearCategory = patch.category.map { $0 == nil } ?? false
        let updated = try connection.query("""
            UPDATE knowledge_documents SET
                title = coalesce(\(patch.title)::text, title),
                category = CASE WHEN \(clearCategory)::boolean THEN NULL ELSE coalesce(\(patch.category ?? nil)::text, category) END,
                tags = coalesce(\(patch.tags.map(PGTextArray.init))::text[], tags),
                visibility = coalesce(\(patch.visibility)::text, visibility),
                updated_at = now()
            WHERE id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(tenant)
            """).affectedRows
        guard updated > 0 else { return nil }
        if let visibility = patch.visibility {
            try connection.query("""
                UPDATE knowledge_chunks SET visibility = \(visibility)
                WHERE document_id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(tenant)
                """)
        }
        return try find(id: id, scope: scope, on: connection)
    }
}

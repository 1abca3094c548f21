public import Logging
public import RuntimePostgres

/// The `knowledge.index` job: `processing` → extract → chunk → replace the chunks (one transaction) → `indexed`,
/// or `error` with a user-readable reason.
///
/// Content failures (``KnowledgeError``) end the document in `error` and return normally: retrying would not help.
/// Anything else thrown (database, file storage, a missing `pdftotext`) propagates so the queue retries the job.
/// Embeddings, when an embedder is given, are computed per chunk in batches; if the provider fails the chunks are
/// stored without them (full-text search still works) and a warning is logged.
public struct KnowledgeIndexer {
    /// What happened to a document.
    public enum Outcome: Sendable, Equatable {
        case indexed(chunks: Int)
        case failed(KnowledgeError)
        /// The document was deleted before the job ran.
        case missing
    }

    public let database: Database
    public let settings: KnowledgeSettings
    public let options: ChunkingOptions
    /// Embeds texts, one vector per text (the worker passes `LLMClient.embed` when `LLM_EMBEDDING_MODEL` is set).
    public let embed: (([String]) throws -> [[Float]])?
    public let logger: Logger

    public init(database: Database, settings: KnowledgeSettings, options: ChunkingOptions = .standard,
                embed: (([String]) throws -> [[Float]])? = nil, logger: Logger) {
        self.database = database
        self.settings = settings
        self.options = options
        self.embed = embed
        self.logger = logger
    }

    /// The most chunks one document may produce (about 10 million words).
    public static let maxChunks = 25_000

    /// Indexes document `id` of `scope`.
    public func run(documentID id: String, scope: KnowledgeScope) throws -> Outcome {
        let storage = settings.directory.map(KnowledgeFileStorage.init(root:))
        let loaded = try scope.transaction(database) { connection -> (format: String, language: String, visibility: String, bytes: [UInt8])? in
            guard let row = try connection.query("""
                UPDATE knowledge_documents SET status = 'processing', error_message = NULL, updated_at = now()
                WHERE id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(scope.tenantID)
                RETURNING format, language::text AS language, visibility, storage_path
                """).first else { return nil }
            let bytes = try KnowledgeStore.bytes(id: id, storagePath: row["storage_path"], storage: storage, on: connection) ?? []
            return (try row.string("format"), try row.string("language"), try row.string("visibility"), bytes)
        }
        guard let loaded else { return .missing }
        let chunks: [Chunk]
        do {
            guard let format = DocumentFormat(rawValue: loaded.format) else {
                throw KnowledgeError("unsupported", "The document's format is not supported.")
            }
            chunks = Chunker.chunk(try settings.extractor.extract(loaded.bytes, format: format), options: options)
            guard !chunks.isEmpty else { throw KnowledgeError.noText }
            guard chunks.count <= Self.maxChunks else {
                throw KnowledgeError("too_much_text", "The document holds more text than can be indexed.")
            }
        } catch let error as KnowledgeError {
            try markFailed(id: id, scope: scope, error: error)
            return .failed(error)
        }
        let vectors = embeddings(for: chunks)
        try scope.transaction(database) { connection in
            try replaceChunks(id: id, scope: scope, chunks: chunks, vectors: vectors, language: loaded.language,
                              visibility: loaded.visibility, on: connection)
        }
        return .indexed(chunks: chunks.count)
    }

    private func embeddings(for chunks: [Chunk]) -> [[Float]]? {
        guard let embed else { return nil }
        do {
            let vectors = try embed(chunks.map { $0.heading.isEmpty ? $0.content : $0.heading + "\n" + $0.content })
            guard vectors.count == chunks.count else { return nil }
            return vectors
        } catch {
            logger.warning("embeddings failed; chunks stored without them", metadata: ["error": .string(String(describing: error))])
            return nil
        }
    }

    private func replaceChunks(id: String, scope: KnowledgeScope, chunks: [Chunk], vectors: [[Float]]?, language: String,
                               visibility: String, on connection: PGConnection) throws {
        let tenant = scope.tenantID
        try connection.query("DELETE FROM knowledge_chunks WHERE document_id = \(id)::uuid")
        let embeddings = vectors.map { $0.map { "{" + $0.map { String($0) }.joined(separator: ",") + "}" } }
        try connection.query("""
            INSERT INTO knowledge_chunks (document_id, position, tenant_id, visibility, language, heading, content, word_count, embedding)
            SELECT \(id)::uuid, c.position::int, \(tenant), \(visibility), \(language)::regconfig, c.heading, c.content,
                   c.words::int, c.embedding::real[]
            FROM unnest(\(PGTextArray(chunks.map { String($0.position) }))::text[], \(PGTextArray(chunks.map(\.heading)))::text[],
                        \(PGTextArray(chunks.map(\.content)))::text[], \(PGTextArray(chunks.map { String($0.wordCount) }))::text[],
                        \(embeddings.map(PGTextArray.init))::text[]) AS c(position, heading, content, words, embedding)
            """)
        try connection.query("""
            UPDATE knowledge_documents SET status = 'indexed', error_message = NULL, chunk_count = \(chunks.count),
                                           indexed_at = now(), updated_at = now()
            WHERE id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(tenant)
            """)
    }

    private func markFailed(id: String, scope: KnowledgeScope, error: KnowledgeError) throws {
        try scope.transaction(database) { connection in
            try connection.query("DELETE FROM knowledge_chunks WHERE document_id = \(id)::uuid")
            try connection.query("""
                UPDATE knowledge_documents SET status = 'error', error_message = \(error.message), chunk_count = 0,
                                               updated_at = now()
                WHERE id = \(id)::uuid AND tenant_id IS NOT DISTINCT FROM \(scope.tenantID)
                """)
        }
    }
}

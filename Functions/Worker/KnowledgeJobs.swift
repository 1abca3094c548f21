public import Integrations
public import Knowledge
internal import Logging
internal import Runtime
internal import RuntimePostgres

extension JobRegistry {
    /// Registers `knowledge.index` (payload `{"document_id":"<uuid>"}`): extracts, chunks and indexes one knowledge
    /// document under its tenant's RLS, or as the platform for a global document (job `tenant_id` NULL).
    ///
    /// A document that cannot be read ends in `error` with its reason and the job is done; database and storage
    /// failures retry with the queue's backoff. With an `llm` that has an embeddings model, each thread's own
    /// ``LLMClient`` embeds the chunks.
    public mutating func registerKnowledgeIndexing(settings: KnowledgeSettings = .process, llm: LLMConfiguration? = nil) {
        register(KnowledgeStore.jobKind) { logger in
            let client = llm.flatMap { $0.embeddingModel == nil ? nil : try? LLMClient(configuration: $0, logger: logger) }
            return { job, context in
                guard let id = Self.documentID(job.payload) else {
                    throw JobFailure(.permanent, "knowledge.index payload has no valid document_id")
                }
                let scope: KnowledgeScope = job.tenantID.map { .tenant($0) } ?? .global
                let embed = client.map { client in { (texts: [String]) throws -> [[Float]] in
                    try client.embed(texts: texts).map { $0 }
                } }
                let indexer = KnowledgeIndexer(database: context.database, settings: settings, embed: embed, logger: context.logger)
                switch try indexer.run(documentID: id, scope: scope) {
                case .indexed(let chunks):
                    context.logger.info("knowledge document indexed", metadata: ["document.id": .string(id),
                                                                                  "chunks": .stringConvertible(chunks)])
                case .failed(let error):
                    context.logger.warning("knowledge document not indexable", metadata: ["document.id": .string(id),
                                                                                           "error.code": .string(error.code)])
                case .missing:
                    context.logger.info("knowledge document gone before indexing", metadata: ["document.id": .string(id)])
                }
            }
        }
    }

    /// The `document_id` of a payload, when it is a UUID.
    static func documentID(_ payload: String) -> String? {
        guard let value = try? JSON.decode(JSONValue.self, from: Array(payload.utf8)),
              let id = value["document_id"]?.string?.lowercased(),
              id.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [8, 4, 4, 4, 12],
              id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return nil }
        return id
    }
}

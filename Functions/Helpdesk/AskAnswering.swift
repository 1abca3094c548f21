internal import Integrations
internal import Knowledge
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// The answer pipeline shared by the staff ask route and the public widget: retrieve, then answer with the LLM
/// (grounded in numbered sources), extractively, or with the honest decline.
struct AskAnswering {
    let settings: AskSettings
    let context: PlatformContext

    /// What the pipeline produced.
    struct Outcome {
        let answer: String
        let answered: Bool
        let sources: [RetrievedPassage]
        /// `llm`, `extractive` or `none`.
        let method: String
        /// Milliseconds inside ``Retriever`` (sent as `Server-Timing: retrieval;dur=…`, which `make bench` reads).
        var retrievalMilliseconds: Double = 0
    }

    /// Retrieves under the tenant's RLS scope and answers; one short transaction, no LLM call inside it.
    /// - Throws: ``HTTPError`` 404 when the tenant is missing or (with `requireActive`) suspended.
    func answer(_ question: String, tenantID: String, publicOnly: Bool, requireActive: Bool = false) throws -> Outcome {
        let client = settings.llm.flatMap { try? LLMClient(configuration: $0, logger: context.logger) }
        let embed: ((String) throws -> [Float])? = client.flatMap { client in
            guard client.configuration.embeddingModel != nil else { return nil }
            return { text in try client.embed(texts: [text], deadline: context.deadline).first ?? [] }
        }
        let (result, tenant) = try context.services.database.withTenant(tenantID, deadline: context.deadline) { connection in
            if requireActive, try connection.query("SELECT 1 FROM tenants WHERE status = 'active'").first == nil {
                throw HTTPError.notFound("No such helpdesk.")
            }
            let tenant = try TenantSettings.load(on: connection)
            let query = RetrievalQuery(question, publicOnly: publicOnly)
            let result = try Retriever.search(query, on: connection, embed: embed)
            return (result, tenant)
        }
        context.logger.debug("retrieval", metadata: [
            "retrieval.ms": .stringConvertible(Int(result.elapsedMilliseconds)), "retrieval.method": .string(result.method),
            "retrieval.answerable": .stringConvertible(result.answerable), "retrieval.reason": .string(result.declineReason ?? ""),
        ])
        let decline = Outcome(answer: DeclineText.text(company: tenant.displayName, supportAddress: tenant.supportAddress),
                              answered: false, sources: [], method: "none")
        var outcome = compose(question, result: result, tenant: tenant, client: client) ?? decline
        outcome.retrievalMilliseconds = result.elapsedMilliseconds
        return outcome
    }

    /// The LLM's grounded answer, else the extractive one; nil for the decline.
    func compose(_ question: String, result: RetrievalResult, tenant: TenantSettings, client: LLMClient?) -> Outcome? {
        guard result.answerable, !result.passages.isEmpty else { return nil }
        if let client, let outcome = grounded(question, result: result, company: tenant.displayName, client: client) {
            return outcome.answered ? outcome : nil
        }
        guard let extractive = ExtractiveAnswer.answer(result) else { return nil }
        var used: [RetrievedPassage] = []
        for sentence in extractive.sentences where !used.contains(where: { $0.documentID == sentence.documentID }) {
            if let passage = result.passages.first(where: { $0.documentID == sentence.documentID }) { used.append(passage) }
        }
        return Outcome(answer: extractive.text, answered: true, sources: used, method: "extractive")
    }

    /// One chat call over the top passages; nil when the LLM fails (the caller falls back to extractive).
    /// An answer citing no valid source is treated as the model saying it does not know (`answered: false`).
    func grounded(_ question: String, result: RetrievalResult, company: String, client: LLMClient) -> Outcome? {
        let prompt = AnswerPrompt(question: question, sources: result.passages, company: company)
        let messages = prompt.messages.map { $0.role == "system" ? ChatMessage.system($0.content) : ChatMessage.user($0.content) }
        do {
            let reply = try client.chat(messages: messages, temperature: 0.2, deadline: context.deadline)
            guard let text = reply.content, !text.allSatisfy(\.isWhitespace) else { return nil }
            let checked = Citations.check(text, sourceCount: prompt.sources.count)
            if checked.removed > 0 {
                context.logger.notice("llm answer cited missing sources; removed", metadata: ["citations.removed": .stringConvertible(checked.removed)])
            }
            let cited = checked.cited.map { prompt.sources[$0 - 1] }
            return Outcome(answer: checked.text, answered: !cited.isEmpty, sources: cited, method: "llm")
        } catch {
            context.logger.warning("llm answer failed; answering extractively", metadata: ["error": .string(String(describing: error))])
            return nil
        }
    }
}

internal import InboundMail
public import Integrations
internal import Logging
internal import Quoting
internal import Runtime
internal import RuntimePostgres

extension JobRegistry {
    /// The job kind the inbound webhook queues for every stored message (payload `{"message_id": "<uuid>"}`).
    public static let inboundJobKind = "inbound.process"

    /// Registers `inbound.process`: ``InboundPipeline`` with this thread's extractor (a model when `settings.llm` is
    /// set, validated and falling back to the rules; else the rules).
    ///
    /// Failures: an unreadable message is `dead` at once (permanent); any other error is retried with the queue's
    /// backoff, and on the job's last attempt the message is first marked `dead` with the error, so nothing fails
    /// silently. Unroutable and automatic mail are outcomes, not failures: the job is done.
    /// - Parameter makeTransport: the seam for the model's HTTP transport per thread (nil: a plain client).
    public mutating func registerInbound(
        settings: InboundSettings,
        makeTransport: (@Sendable () throws -> any ProviderTransport)? = nil
    ) {
        register(Self.inboundJobKind) { logger in
            var extract: (ExtractionInput) -> TripExtraction = TripExtraction.rules
            if let llm = settings.llm {
                do {
                    let client = try LLMClient(configuration: llm, logger: logger, transport: try makeTransport?())
                    let model = InboundLLMExtractor(client: client, deadline: settings.llmDeadline, logger: logger)
                    extract = { model.extract($0) }
                } catch {
                    logger.error(
                        "no LLM client for inbound extraction; using the rules",
                        metadata: ["error": .string(String(describing: error))])
                }
            }
            let links = settings.shareLinkSecret.map { ShareLinks(secret: $0, baseURL: settings.publicBaseURL) }
            let pipeline = InboundPipeline(inboundDomain: settings.inboundDomain, links: links, extract: extract)
            return { job, context in
                let payload = try? JSONValue.object(from: Array(job.payload.utf8))
                guard let id = payload?["message_id"]?.string else {
                    throw JobFailure(.permanent, "the job payload has no message_id")
                }
                try Self.runInbound(pipeline, messageID: id, job: job, context: context)
            }
        }
    }

    /// Runs one message; turns outcomes and errors into the job's verdict (see ``registerInbound(settings:makeTransport:)``).
    static func runInbound(_ pipeline: InboundPipeline, messageID id: String, job: Job, context: JobContext) throws {
        let outcome: InboundPipeline.Outcome
        do {
            outcome = try pipeline.process(id, database: context.database, logger: context.logger)
        } catch {
            let reason = String(describing: error)
            if job.attempts >= job.maxAttempts {
                do {
                    try InboundPipeline.markDead(
                        id, reason: "Failed after \(job.attempts) attempts: \(reason)",
                        database: context.database)
                } catch {
                    context.logger.error(
                        "cannot mark the inbound message dead",
                        metadata: ["error": .string(String(describing: error))])
                }
            }
            throw JobFailure(.retry(after: nil), reason)
        }
        switch outcome {
        case .dead(let reason): throw JobFailure(.permanent, reason)
        case .unroutable: context.logger.notice("inbound message unroutable", metadata: ["inbound.id": .string(id)])
        case .ignored(let reason):
            context.logger.info(
                "inbound message ignored", metadata: ["inbound.id": .string(id), "reason": .string(reason)])
        case .processed, .alreadyDone, .notFound: break
        }
    }
}

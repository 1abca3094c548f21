public import InboundMail
public import Integrations
public import Logging
internal import Runtime

/// Trip extraction with a model: one structured-output call (``TripExtractionPrompt``), its answer validated
/// (``TripCandidate/validated(against:)``); any error, refusal, timeout or invalid answer falls back to the rules,
/// logged at warning with the reason only (never the mail's content).
///
/// Owns one ``LLMClient`` (its libcurl handle): build one per worker thread, never share it.
public final class InboundLLMExtractor {
    private let client: LLMClient
    private let deadline: Duration
    private let logger: Logger

    public init(client: LLMClient, deadline: Duration = .seconds(10), logger: Logger) {
        self.client = client
        self.deadline = deadline
        self.logger = logger
    }

    /// The validated model answer (`llm`), or the rule-based extraction (`rules`) when the model fails.
    public func extract(_ input: ExtractionInput) -> TripExtraction {
        do {
            let candidate = try client.structured(
                TripCandidate.self,
                messages: [
                    .system(TripExtractionPrompt.system(for: input)), .user(TripExtractionPrompt.user(for: input)),
                ],
                schemaName: TripExtractionPrompt.schemaName, schema: TripExtractionPrompt.schema, temperature: 0,
                deadline: Deadline(after: deadline))
            return TripExtraction(trip: try candidate.validated(against: input), method: "llm")
        } catch let invalid as TripCandidate.Invalid {
            fallBack("the model's answer was rejected: \(invalid.reason)")
        } catch let error as LLMError {
            fallBack("the model call failed: \(error.description)")
        } catch {
            fallBack("the model call failed")
        }
        return .rules(input)
    }

    private func fallBack(_ reason: String) {
        logger.warning("trip extraction fell back to rules", metadata: ["inbound.llm_error": .string(reason)])
    }
}

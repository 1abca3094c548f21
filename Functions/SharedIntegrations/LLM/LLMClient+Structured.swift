internal import FoundationEssentials
public import Runtime

extension LLMClient {
    /// Asks for JSON following `schema` (Structured Outputs, `strict: true`) and decodes it as `T`.
    ///
    /// The schema must suit strict mode: `additionalProperties: false` and every property in `required` at each
    /// object level (OpenAI rejects the request otherwise, as `bad_request`).
    /// - Parameters:
    ///   - schemaName: The `json_schema.name` (`^[a-zA-Z0-9_-]{1,64}$`).
    ///   - schema: A JSON Schema whose instances decode as `T`.
    /// - Throws: ``LLMError``: any error of ``chat(messages:tools:responseFormat:temperature:deadline:)``, plus
    ///   those of ``decodeStructured(_:from:)``.
    public func structured<T: Decodable>(
        _ type: T.Type, messages: [ChatMessage], schemaName: String,
        schema: JSONValue, temperature: Double? = nil,
        deadline: Deadline? = nil
    ) throws -> T {
        let result = try chat(
            messages: messages, responseFormat: .jsonSchema(name: schemaName, schema: schema),
            temperature: temperature, deadline: deadline)
        return try Self.decodeStructured(type, from: result)
    }

    /// Decodes a structured-output answer as `T`, after checking the model did answer with complete JSON.
    ///
    /// - Throws: ``LLMError`` `refused` when the message carries a `refusal` or the content was filtered;
    ///   `invalid_output` when there is no content, generation hit the token limit, the content is not JSON, or it
    ///   does not decode as `T` (the error names the field path, never the content).
    public static func decodeStructured<T: Decodable>(_ type: T.Type, from result: ChatResult) throws -> T {
        if result.refusal != nil || result.finishReason == .contentFilter {
            throw LLMError(.refused, detail: "the model declined to produce the structured answer")
        }
        if result.finishReason == .length {
            throw LLMError(.invalidOutput, detail: "the answer was cut off at the token limit")
        }
        guard let content = result.content, content.contains(where: { !$0.isWhitespace }) else {
            throw LLMError(.invalidOutput, detail: "the answer has no content")
        }
        let data = Data(content.utf8)
        guard (try? JSONDecoder().decode(JSONValue.self, from: data)) != nil else {
            throw LLMError(.invalidOutput, detail: "the content is not valid JSON")
        }
        do {
            return try JSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw LLMError(.invalidOutput, detail: "the content does not match \(T.self) \(error.fieldPath)")
        } catch {
            throw LLMError(.invalidOutput, detail: "the content does not match \(T.self)")
        }
    }
}

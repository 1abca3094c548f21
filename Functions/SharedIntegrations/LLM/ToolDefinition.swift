public import Runtime

/// A function the model may call: `{"type":"function","function":{"name","description","parameters","strict"}}`.
///
/// With `strict: true` OpenAI requires `additionalProperties: false` and every property listed in `required`
/// at each object level of ``parameters``.
public struct ToolDefinition: Sendable, Equatable, Encodable {
    /// The function name (`^[a-zA-Z0-9_-]{1,64}$`).
    public var name: String
    /// What the tool does, for the model.
    public var description: String
    /// A JSON Schema object for the arguments.
    public var parameters: JSONValue
    /// Whether the server should enforce ``parameters`` exactly.
    public var strict: Bool

    /// Creates a definition.
    public init(name: String, description: String, parameters: JSONValue, strict: Bool = false) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }

    private enum CodingKeys: String, CodingKey { case type, function }
    private enum FunctionKeys: String, CodingKey { case name, description, parameters, strict }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("function", forKey: .type)
        var function = container.nestedContainer(keyedBy: FunctionKeys.self, forKey: .function)
        try function.encode(name, forKey: .name)
        try function.encode(description, forKey: .description)
        try function.encode(parameters, forKey: .parameters)
        if strict { try function.encode(true, forKey: .strict) }
    }
}

/// The `response_format` of a chat request: free text, any JSON object, or JSON following a schema
/// (`{"type":"json_schema","json_schema":{"name","schema","strict"}}`, OpenAI's Structured Outputs).
public struct ResponseFormat: Sendable, Equatable, Encodable {
    private enum Kind: Equatable, Sendable {
        case text, jsonObject
        case jsonSchema(name: String, schema: JSONValue, strict: Bool)
    }
    private let kind: Kind

    /// Plain text (the server's default).
    public static var text: ResponseFormat { ResponseFormat(kind: .text) }
    /// Any JSON object (older "JSON mode"; the prompt must mention JSON).
    public static var jsonObject: ResponseFormat { ResponseFormat(kind: .jsonObject) }
    /// JSON conforming to `schema`; `name` matches `^[a-zA-Z0-9_-]{1,64}$`. Strict mode needs
    /// `additionalProperties: false` and every property required at each object level.
    public static func jsonSchema(name: String, schema: JSONValue, strict: Bool = true) -> ResponseFormat {
        ResponseFormat(kind: .jsonSchema(name: name, schema: schema, strict: strict))
    }

    private enum CodingKeys: String, CodingKey { case type, jsonSchema = "json_schema" }
    private enum SchemaKeys: String, CodingKey { case name, schema, strict }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .text:
            try container.encode("text", forKey: .type)
        case .jsonObject:
            try container.encode("json_object", forKey: .type)
        case .jsonSchema(let name, let schema, let strict):
            try container.encode("json_schema", forKey: .type)
            var nested = container.nestedContainer(keyedBy: SchemaKeys.self, forKey: .jsonSchema)
            try nested.encode(name, forKey: .name)
            try nested.encode(schema, forKey: .schema)
            try nested.encode(strict, forKey: .strict)
        }
    }
}

public import Runtime

extension Activity {
    /// `members` as the JSON text ``Activity/record(on:tenantID:subject:id:kind:from:to:actor:note:detail:)`` stores
    /// in `detail` (sorted keys; `{}` if encoding were ever to fail).
    public static func detail(_ members: [String: JSONValue]) -> String {
        guard let bytes = try? JSON.encode(JSONValue.object(members)) else { return "{}" }
        return String(decoding: bytes, as: UTF8.self)
    }
}

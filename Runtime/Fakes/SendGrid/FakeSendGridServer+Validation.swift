internal import FoundationEssentials
public import Runtime

extension FakeSendGridServer {
    /// The Mail Send body rules the fake enforces (wire-formats §A2), as SendGrid-style `(message, field)` errors:
    /// `personalizations` 1…1000 each with a non-empty `to`; valid addresses (names without `;` or `,`); at most
    /// 1000 recipients in all; `from.email`; a `subject` (top level or in every personalization); `content` with
    /// non-empty values and `text/plain` before `text/html`; `reply_to` xor `reply_to_list`; attachments with
    /// non-empty base64 `content` and a `filename`, `disposition` `attachment`|`inline` (inline needs
    /// `content_id`); `headers` string values and no reserved names; `custom_args` string values under 10 000 bytes.
    public static func validate(_ body: [String: JSONValue]) -> [(message: String, field: String?)] {
        var errors: [(message: String, field: String?)] = []
        func fail(_ message: String, _ field: String) { errors.append((message, field)) }
        let personalizations = body["personalizations"]?.array ?? []
        if personalizations.isEmpty || personalizations.count > 1000 {
            fail("The personalizations field is required and must have at least one personalization.", "personalizations")
        }
        var recipients = 0
        for (index, item) in personalizations.enumerated() {
            let to = item["to"]?.array ?? []
            if to.isEmpty { fail("The to array is required for all personalization objects.", "personalizations.\(index).to") }
            for key in ["to", "cc", "bcc"] {
                for (position, address) in (item[key]?.array ?? []).enumerated() {
                    recipients += 1
                    if let problem = addressProblem(address) { fail(problem, "personalizations.\(index).\(key).\(position)") }
                }
            }
            if body["subject"]?.string?.isEmpty != false, item["subject"]?.string?.isEmpty != false {
                fail("The subject is required. You can get around this requirement if you use a template.", "subject")
            }
        }
        if recipients > 1000 { fail("Too many recipients: at most 1000.", "personalizations") }
        if let problem = body["from"].flatMap(addressProblem) ?? (body["from"] == nil ? "The from object must be provided." : nil) {
            fail(problem, "from.email")
        }
        if body["reply_to"] != nil, body["reply_to_list"] != nil {
            fail("reply_to and reply_to_list cannot both be set.", "reply_to")
        }
        if let replyTo = body["reply_to"], let problem = addressProblem(replyTo) { fail(problem, "reply_to.email") }
        validateContent(body["content"], fail)
        validateAttachments(body["attachments"], fail)
        validateStringMap(body["headers"], field: "headers", reserved: reservedHeaders, fail)
        validateStringMap(body["custom_args"], field: "custom_args", reserved: [], fail)
        if let arguments = body["custom_args"], let bytes = try? JSON.encode(arguments), bytes.count >= 10_000 {
            fail("custom_args must be under 10000 bytes.", "custom_args")
        }
        return errors
    }

    static let reservedHeaders: Set<String> = [
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type", "content-transfer-encoding", "to", "from",
        "subject", "reply-to", "cc", "bcc",
    ]

    private static func validateContent(_ value: JSONValue?, _ fail: (String, String) -> Void) {
        let content = value?.array ?? []
        if content.isEmpty { fail("Unless a valid template_id is provided, the content parameter is required.", "content") }
        let types = content.map { $0["type"]?.string ?? "" }
        for (index, item) in content.enumerated() where item["type"]?.string?.isEmpty != false || item["value"]?.string?.isEmpty != false {
            fail("The content value must be a string at least one character in length.", "content.\(index).value")
        }
        if let plain = types.firstIndex(of: "text/plain"), plain != 0 {
            fail("If present, text/plain content must be first, followed by any other content.", "content.0.type")
        }
    }

    private static func validateAttachments(_ value: JSONValue?, _ fail: (String, String) -> Void) {
        guard let value else { return }
        guard let attachments = value.array, !attachments.isEmpty else {
            return fail("The attachments field must be a non-empty array.", "attachments")
        }
        for (index, attachment) in attachments.enumerated() {
            let field = "attachments.\(index)"
            let content = attachment["content"]?.string ?? ""
            if content.isEmpty || Data(base64Encoded: content) == nil {
                fail("The attachment content must be base64 encoded.", field + ".content")
            }
            if attachment["filename"]?.string?.isEmpty != false { fail("The attachment filename is required.", field + ".filename") }
            let disposition = attachment["disposition"]?.string ?? "attachment"
            if disposition != "attachment", disposition != "inline" {
                fail("disposition must be attachment or inline.", field + ".disposition")
            }
            if disposition == "inline", attachment["content_id"]?.string?.isEmpty != false {
                fail("content_id is required when disposition is inline.", field + ".content_id")
            }
        }
    }

    private static func validateStringMap(_ value: JSONValue?, field: String, reserved: Set<String>,
                                          _ fail: (String, String) -> Void) {
        guard let value else { return }
        guard let members = value.object else { return fail("\(field) must be an object.", field) }
        for (key, item) in members {
            if item.string == nil { fail("\(field) values must be strings.", "\(field).\(key)") }
            if reserved.contains(key.lowercased()) { fail("The header \(key) is reserved.", "\(field).\(key)") }
        }
    }

    private static func addressProblem(_ address: JSONValue) -> String? {
        guard let email = address["email"]?.string else { return "Each email address must have an email field." }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") else {
            return "Does not contain a valid address."
        }
        if let name = address["name"]?.string, name.contains(";") || name.contains(",") {
            return "The name may not contain ; or ,."
        }
        return nil
    }
}

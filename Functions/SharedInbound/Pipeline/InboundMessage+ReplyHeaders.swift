extension InboundMessage {
    /// `In-Reply-To` and `References` for a mail answering this one (the missing-facts question, the auto-sent
    /// quote), so the customer's mail program shows it in the same conversation: this message's id, after at most
    /// ten of the ids it referenced. Empty when the message has no usable id.
    public var replyHeaders: [String: String] {
        guard let id = messageID.flatMap(Self.threadID) else { return [:] }
        return ["In-Reply-To": id, "References": (references.compactMap(Self.threadID).suffix(10) + [id]).joined(separator: " ")]
    }

    /// `<id>` for a message id safe to put in a header (no spaces, brackets or line breaks), else nil.
    static func threadID(_ id: String) -> String? {
        guard !id.isEmpty, id.utf8.count <= 500,
            id.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" })
        else { return nil }
        return "<\(id)>"
    }
}

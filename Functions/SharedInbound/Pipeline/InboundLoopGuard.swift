/// Recognises mail that must never be answered: auto-replies, bounces, list and bulk mail (RFC 3834 and common
/// practice). Answering an auto-responder with our own automatic reply starts a mail loop, so such mail is
/// recorded as `ignored` with the reason and gets neither a ticket nor a reply.
public enum InboundLoopGuard {
    /// Local parts of senders that are machines, not people.
    static let machineSenders: Set<String> = [
        "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
        "do_not_reply", "bounce", "bounces", "autoresponder", "auto-reply", "autoreply",
    ]

    /// Why `message` is automatic mail, or nil when a person (probably) wrote it.
    public static func reason(for message: InboundMessage) -> String? {
        if let value = message.header("Auto-Submitted"), let token = firstToken(value), token != "no" {
            return "Auto-Submitted: \(token) (an automatic message)."
        }
        if let value = message.header("Precedence"), let token = firstToken(value),
            ["bulk", "junk", "auto_reply", "list"].contains(token)
        {
            return "Precedence: \(token) (bulk or automatic mail)."
        }
        for name in ["X-Autoreply", "X-Autorespond"] where message.header(name) != nil {
            return "\(name) header (an automatic reply)."
        }
        for sender in [message.envelopeFrom, message.from?.address].compactMap({ $0 }) {
            let local = sender.split(separator: "@").first.map { $0.lowercased() } ?? ""
            let base = local.split(separator: "+").first.map(String.init) ?? local
            if machineSenders.contains(base) { return "The sender \(base)@… is an automatic mailbox." }
        }
        let type = message.header("Content-Type")?.lowercased() ?? ""
        if type.contains("multipart/report") { return "A delivery or read report (multipart/report)." }
        return nil
    }

    /// The first token of a header value, lower-cased (`auto-replied; foo` → `auto-replied`).
    private static func firstToken(_ value: String) -> String? {
        let token = value.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\t" }).first.map { $0.lowercased() }
        return token?.isEmpty == false ? token : nil
    }
}

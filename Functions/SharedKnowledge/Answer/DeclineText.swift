/// The honest "I don't know" (SPEC §3): said when retrieval finds nothing relevant, with how to reach a person —
/// never a guess from general knowledge.
public enum DeclineText {
    /// - Parameters:
    ///   - company: the tenant's display name (`branding.company_name`), if any.
    ///   - supportAddress: the tenant's `email.support_address`, if any.
    public static func text(company: String?, supportAddress: String?) -> String {
        let who = company.flatMap { $0.isEmpty ? nil : $0 }
        let opening = "I don't know the answer to that: I couldn't find it in "
            + (who.map { $0 + "'s knowledge base" } ?? "the knowledge base") + ", and I'd rather not guess."
        let contact: String
        switch (who, supportAddress.flatMap { $0.isEmpty ? nil : $0 }) {
        case let (name?, address?): contact = "A person at \(name) can help: email \(address)."
        case let (nil, address?): contact = "A person can help: email \(address)."
        case let (name?, nil): contact = "Please contact \(name) directly and a person will help you."
        case (nil, nil): contact = "Please contact your travel consultant and a person will help you."
        }
        return opening + " " + contact
    }
}

/// Decides whether a mail is a travel inquiry at all, and notes special requests.
///
/// Rules:
/// - Not an inquiry, whatever else it says: auto-replies (subject "Automatic reply", "Out of Office", "Auto:"…,
///   or "out of the office" / "on leave until" in the text, or a noreply/mailer-daemon sender), newsletters
///   ("unsubscribe", "view this email in your browser"), invoices and receipts (in the subject, or "amount due",
///   "payment received", "tax invoice"), job applications ("curriculum vitae", "my CV", "vacancy", "apply for
///   the position"), and spam ("you have won", "claim your prize", "bitcoin", "SEO services", "backlinks" …).
/// - Otherwise an inquiry when it uses a travel-intent word (holiday, trip, travel, vacation, quote, book,
///   stay, nights, flight, honeymoon, safari, getaway … and Urlaub, Reise, vacances, voyage, vacaciones,
///   viaje, vakansie, vakantie), or names a tenant destination together with dates or travellers.
enum InquiryClassifier {
    static let autoReplySubjects = [
        "automatic reply", "auto-reply", "autoreply", "auto reply", "out of office",
        "auto:", "abwesenheit", "reponse automatique", "réponse automatique",
        "respuesta automática", "afwezig", "undeliverable", "delivery status notification",
    ]
    static let negativePhrases = [
        "out of the office", "out of office", "on annual leave", "on leave until",
        "limited access to email", "this is an automated", "this is an automatic",
        "unsubscribe", "view this email in your browser", "manage your preferences",
        "manage preferences", "amount due", "payment received", "tax invoice",
        "invoice number", "receipt for your payment", "curriculum vitae", "my cv",
        "my resume", "attached cv", "job application", "vacancy", "vacancies",
        "apply for the position", "position of", "internship", "you have won",
        "claim your prize", "lottery", "bitcoin", "crypto", "seo services", "backlinks",
        "guest post", "search engine optimi", "rank your website", "viagra", "casino",
        "inheritance", "beneficiary", "web design services", "dear beneficiary",
    ]
    static let negativeSubjectWords = [
        "invoice", "receipt", "statement", "payment confirmation", "order confirmation",
        "newsletter", "application for", "job", "cv",
    ]
    static let intentWords: Set<String> = [
        "holiday", "holidays", "trip", "travel", "travelling", "traveling",
        "vacation", "quote", "quotation", "book", "booking", "stay", "nights",
        "flight", "flights", "honeymoon", "safari", "getaway", "accommodation",
        "itinerary", "package", "resort", "hotel", "lodge", "tour", "cruise",
        "visit", "urlaub", "reise", "vacances", "voyage", "vacaciones", "viaje",
        "vakansie", "vakantie", "reis", "ferias", "viagem", "escape", "break",
    ]
    static let requestPhrases = [
        "sea view", "ocean view", "wheelchair", "vegetarian", "vegan", "gluten", "halal",
        "kosher", "allerg", "anniversary", "birthday", "connecting rooms", "interleading",
        "cot", "early check-in", "late check-out", "airport transfer", "transfers",
        "ground floor", "private pool", "all inclusive", "all-inclusive", "half board",
        "full board", "bed and breakfast", "twin beds", "king bed", "adults only",
    ]

    static func isInquiry(
        subject: String, text: String, fromEmail: String?, tokens: [Token], destination: String?,
        hasDates: Bool, hasTravellers: Bool
    ) -> Bool {
        let subjectLower = subject.lowercased()
        let lower = text.lowercased()
        let sender = fromEmail?.lowercased() ?? ""
        if autoReplySubjects.contains(where: { subjectLower.hasPrefix($0) || subjectLower.contains($0) }) {
            return false
        }
        if ["noreply", "no-reply", "mailer-daemon", "postmaster", "donotreply"].contains(where: { sender.contains($0) })
        {
            return false
        }
        if negativePhrases.contains(where: { lower.contains($0) }) { return false }
        let subjectWords = Set(Tokenizer.tokens(subject).map(\.text))
        if negativeSubjectWords.contains(where: {
            $0.contains(" ") ? subjectLower.contains($0) : subjectWords.contains($0)
        }) {
            return false
        }
        if tokens.contains(where: { $0.kind == .word && intentWords.contains($0.text) }) { return true }
        return destination != nil && (hasDates || hasTravellers)
    }

    /// The recognised special requests, in a fixed order, joined by "; "; nil when none.
    static func specialRequests(in text: String) -> String? {
        let lower = text.lowercased()
        let found = requestPhrases.filter { phrase in
            phrase == "cot" ? Tokenizer.tokens(lower).contains(where: { $0.isWord("cot") }) : lower.contains(phrase)
        }
        return found.isEmpty ? nil : found.joined(separator: "; ")
    }
}

internal import Knowledge
internal import Runtime

/// The body of `POST /api/v1/helpdesk/ask` and of the widget's ask (SPEC §7 "Helpdesk").
struct AskResponse: Encodable {
    struct Source: Encodable {
        let document_id: String
        let title: String
        let snippet: String
        let score: Double
    }

    let answer: String
    let answered: Bool
    let sources: [Source]
    /// `llm`, `extractive` or `none`.
    let method: String
    let timing_ms: Int
    /// Absent for the widget (no sessions).
    let session_id: String?

    init(_ outcome: AskAnswering.Outcome, timing: Int, sessionID: String?) {
        answer = outcome.answer
        answered = outcome.answered
        method = outcome.method
        timing_ms = timing
        session_id = sessionID
        var seen = Set<String>()
        sources = outcome.sources.compactMap { passage in
            guard seen.insert(passage.documentID).inserted else { return nil }
            return Source(document_id: passage.documentID, title: passage.title, snippet: Self.snippet(passage.content),
                          score: (passage.score * 1000).rounded() / 1000)
        }
    }

    /// The JSON response, with `Server-Timing: retrieval;dur=<ms>` (the retriever's own time, for `make bench`).
    static func response(_ outcome: AskAnswering.Outcome, timing: Int, sessionID: String?) throws -> Response {
        var response = try Response.json(AskResponse(outcome, timing: timing, sessionID: sessionID))
        let micros = Int((outcome.retrievalMilliseconds * 1000).rounded())
        response.headers["Server-Timing"] = "retrieval;dur=\(micros / 1000).\(String(micros % 1000 + 1000).dropFirst())"
        return response
    }

    /// The passage's first whole sentences, up to about 240 characters; its cleaned opening when it has none.
    static func snippet(_ content: String) -> String {
        var text = ""
        for sentence in SentenceSplitter.sentences(in: content) {
            if !text.isEmpty, text.count + sentence.count > 240 { break }
            text += (text.isEmpty ? "" : " ") + sentence
        }
        if !text.isEmpty { return text }
        let flat = content.split(whereSeparator: \.isNewline).joined(separator: " ")
            .filter { $0 != "*" && $0 != "#" && $0 != "|" && $0 != "`" }
        return flat.count > 240 ? String(flat.prefix(239)) + "…" : String(flat)
    }
}

import Knowledge
import RuntimePostgres
import Testing

/// ``Retriever`` against PostgreSQL (rolled-back scratch transactions, see ``RetrievalTestDatabase``).
@Suite(.enabled(if: RetrievalTestDatabase.enabled))
struct RetrievalTests {
    typealias DB = RetrievalTestDatabase

    /// Two hotels and a policy for `tenant`, plus a global how-to.
    static func seed(_ tenant: String, on connection: PGConnection) throws -> [String: String] {
        var ids: [String: String] = [:]
        ids["palm"] = try DB.insert("Palm Beach Resort, Zanzibar — fact sheet", chunks: [
            ("Arrival and departure", "Check-in time is 14:00. Check-out time is 11:00. Late check-out until 18:00 costs USD 60."),
            ("Children", "The Dolphin Kids Club takes children aged 4 to 12 from 09:00 to 17:00 daily."),
        ], tenant: tenant, category: "hotels", visibility: "public", on: connection)
        ids["nungwi"] = try DB.insert("Nungwi Dhow Lodge, Zanzibar — fact sheet", chunks: [
            ("Arrival and departure", "Check-in time is 15:00 and check-out is at 10:00. The lodge has Wi-Fi at reception only."),
        ], tenant: tenant, category: "hotels", visibility: "private", on: connection)
        ids["cancel"] = try DB.insert("Cancellation policy", chunks: [
            ("Fees", "If you cancel more than 60 days before departure you lose the deposit only. Later cancellations cost more."),
        ], tenant: tenant, category: "policies", visibility: "public", on: connection)
        ids["howto"] = try DB.insert("How to resend a quote", chunks: [
            ("Steps", "Open the quote and choose Resend. Quotes that were sent, viewed or accepted can be resent to the customer."),
        ], tenant: nil, category: "how-to", visibility: "private", on: connection)
        try DB.scope(tenant, on: connection)
        return ids
    }

    @Test func ranksTheHotelTheQuestionNames() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("rank", on: connection)
            let ids = try Self.seed(tenant, on: connection)
            let result = try Retriever.search(RetrievalQuery("What time is check-in at Nungwi Dhow Lodge?"), on: connection)
            #expect(result.passages.first?.documentID == ids["nungwi"])
            #expect(result.answerable)
            #expect(result.method == "fts")
        }
    }

    @Test func naturalQuestionsUseOrSemantics() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("or", on: connection)
            let ids = try Self.seed(tenant, on: connection)
            // "kids" and "ages" are in the chunk, "which" and "club" help; "does" and "take" are stop/generic words.
            let result = try Retriever.search(RetrievalQuery("Which ages does the kids club at Palm Beach take?"), on: connection)
            #expect(result.passages.first?.documentID == ids["palm"])
            #expect(result.passages.first?.content.contains("Dolphin") == true)
        }
    }

    @Test func webSearchSyntaxFiltersPhrasesAndExclusions() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("web", on: connection)
            let ids = try Self.seed(tenant, on: connection)
            let excluded = try Retriever.search(RetrievalQuery("check-out time -Nungwi"), on: connection)
            #expect(!excluded.documentIDs.contains(ids["nungwi"] ?? ""))
            #expect(excluded.documentIDs.contains(ids["palm"] ?? ""))
            let phrase = try Retriever.search(RetrievalQuery("\"late check-out\""), on: connection)
            #expect(phrase.documentIDs == [ids["palm"] ?? ""])
        }
    }

    @Test func seesOwnAndGlobalKnowledgeButNotAnotherTenants() throws {
        try DB.scratch { connection in
            let other = try DB.makeTenant("other", on: connection)
            try DB.insert("Secret rates", chunks: [("Rates", "Our secret resend discount for quotes is 12 percent.")],
                          tenant: other, on: connection)
            let tenant = try DB.makeTenant("scope", on: connection)
            let ids = try Self.seed(tenant, on: connection)
            let result = try Retriever.search(RetrievalQuery("How do I resend a quote to the customer?"), on: connection)
            #expect(result.passages.first?.documentID == ids["howto"])
            #expect(!result.passages.contains { $0.title == "Secret rates" })
            let own = try Retriever.search(RetrievalQuery("cancel before departure"), on: connection)
            #expect(own.documentIDs.first == ids["cancel"])
        }
    }

    @Test func publicOnlyLeavesOutPrivateDocuments() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("public", on: connection)
            let ids = try Self.seed(tenant, on: connection)
            let result = try Retriever.search(RetrievalQuery("Zanzibar check-in time Wi-Fi", publicOnly: true), on: connection)
            #expect(!result.passages.isEmpty)
            #expect(result.passages.allSatisfy { $0.visibility == "public" })
            #expect(!result.documentIDs.contains(ids["nungwi"] ?? ""))
            let howto = try Retriever.search(RetrievalQuery("How do I resend a quote?", publicOnly: true), on: connection)
            #expect(!howto.documentIDs.contains(ids["howto"] ?? ""))
        }
    }

    @Test func categoryFilterKeepsOneCategory() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("category", on: connection)
            _ = try Self.seed(tenant, on: connection)
            let result = try Retriever.search(RetrievalQuery("cancel check-out departure", category: "policies"), on: connection)
            #expect(result.passages.allSatisfy { $0.category == "policies" })
            #expect(!result.passages.isEmpty)
        }
    }

    @Test func diversityKeepsNearDuplicatesOutOfTheTop() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("mmr", on: connection)
            let text = "Snorkelling trips to Mnemba Atoll leave at 08:00 and cost USD 45 per person including masks and fins."
            let copies = try DB.insert("Excursions", chunks: [("Snorkelling", text), ("Snorkelling", text + " Book at reception."),
                                                            ("Snorkelling", "Reminder: " + text)], tenant: tenant, on: connection)
            let other = try DB.insert("Zanzibar guide", chunks: [("Sea", "Snorkelling near Mnemba Atoll is best from October to March.")],
                                      tenant: tenant, on: connection)
            try DB.scope(tenant, on: connection)
            let result = try Retriever.search(RetrievalQuery("snorkelling trips Mnemba Atoll cost", k: 2), on: connection)
            #expect(Set(result.documentIDs) == [copies, other])
        }
    }

    @Test func declinesWhenTheKnowledgeDoesNotKnowTheSubject() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("floor", on: connection)
            _ = try Self.seed(tenant, on: connection)
            let serena = try Retriever.search(RetrievalQuery("What time is check-in at the Zanzibar Serena Hotel?"), on: connection)
            #expect(!serena.answerable)
            #expect(serena.declineReason == "unknown_term")
            let nothing = try Retriever.search(RetrievalQuery("the of and"), on: connection)
            #expect(!nothing.answerable && nothing.passages.isEmpty)
            let live = try Retriever.search(RetrievalQuery("What is the check-in time at Palm Beach today?"), on: connection)
            #expect(!live.answerable)
            let fine = try Retriever.search(RetrievalQuery("What time is check-in at Palm Beach?"), on: connection)
            #expect(fine.answerable)
        }
    }

    /// Full text ranks A > B > C; the question's vector is B's; reciprocal-rank fusion (k = 60) puts B first.
    @Test func embeddingsAreFusedWithTheFullTextOrder() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("vectors", on: connection)
            let a = try DB.insert("Beach A", chunks: [("Beach", "Beach swimming, beach swimming: Kendwa beach swimming is calm.")],
                                  tenant: tenant, embeddings: [[1, 0, 0]], on: connection)
            let b = try DB.insert("Beach B", chunks: [("Beach", "At Paje the beach is tidal, so swimming works only at high tide.")],
                                  tenant: tenant, embeddings: [[0, 1, 0]], on: connection)
            let c = try DB.insert("Beach C", chunks: [("Beach", "Nungwi has a long beach with bars and dhow trips at sunset.")],
                                  tenant: tenant, embeddings: [[0.5, 0.5, 0]], on: connection)
            try DB.scope(tenant, on: connection)
            let plain = try Retriever.search(RetrievalQuery("beach swimming"), on: connection)
            #expect(plain.documentIDs == [a, b, c])
            let fused = try Retriever.search(RetrievalQuery("beach swimming"), on: connection) { _ in [0, 1, 0] }
            #expect(fused.method == "fts+embedding")
            #expect(fused.documentIDs == [b, a, c])
        }
    }
}

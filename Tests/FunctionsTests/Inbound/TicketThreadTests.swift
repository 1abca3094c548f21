@testable import InboundFunction
import InboundMail
import Runtime
import SharedPlatform
import Testing

/// Pure pieces of the tickets API: reply subjects and threading headers, references, parsed views, list cursors.
@Suite struct TicketThreadTests {
    @Test func replySubjectsGetOneRe() {
        #expect(TicketThread.replySubject("Zanzibar in March") == "Re: Zanzibar in March")
        #expect(TicketThread.replySubject("RE: Zanzibar") == "RE: Zanzibar")
        #expect(TicketThread.replySubject("  re:Zanzibar ") == "re:Zanzibar")
        #expect(TicketThread.replySubject("Resort question") == "Re: Resort question")
        #expect(TicketThread.replySubject("") == "Re: (no subject)")
    }

    @Test func messageIDsAreNormalisedOrRefused() {
        #expect(TicketThread.messageID("abc@mail.example") == "<abc@mail.example>")
        #expect(TicketThread.messageID(" <abc@mail.example> ") == "<abc@mail.example>")
        for bad in ["", "<>", "no-at-sign", "a b@c", "x@y\r\nBcc: evil@example.com", "<a<b@c>"] {
            #expect(TicketThread.messageID(bad) == nil, "\(bad)")
        }
    }

    @Test func replyHeadersFollowTheConversation() {
        func entry(_ role: String, _ id: String?) -> JSONValue {
            var members: [String: JSONValue] = ["role": .string(role), "content": .string("…")]
            if let id { members["message_id"] = .string(id) }
            return .object(members)
        }
        #expect(TicketThread.replyHeaders(conversation: []) == [:])
        #expect(TicketThread.replyHeaders(conversation: [entry("customer", nil)]) == [:])
        let thread = [entry("customer", "a@x"), entry("agent", "<b@us>"), entry("customer", "<c@x>"), entry("agent", "<d@us>"),
                      entry("customer", "a@x"), entry("system", "bad id")]
        #expect(TicketThread.replyHeaders(conversation: thread) == ["In-Reply-To": "<a@x>", "References": "<a@x> <b@us> <c@x> <d@us>"])
        let agentOnly = TicketThread.replyHeaders(conversation: [entry("agent", "<b@us>")])
        #expect(agentOnly["In-Reply-To"] == "<b@us>")
        let long = (0..<60).map { entry($0 % 2 == 0 ? "customer" : "agent", "<message-\($0)-\(String(repeating: "z", count: 20))@x>") }
        let headers = TicketThread.replyHeaders(conversation: long)
        let references = headers["References"] ?? ""
        #expect(references.utf8.count <= 998)
        #expect(references.hasPrefix("<message-0-") && references.hasSuffix("<message-59-\(String(repeating: "z", count: 20))@x>"))
        #expect(headers["In-Reply-To"] == "<message-58-\(String(repeating: "z", count: 20))@x>")
    }

    @Test func referencesAreUUIDsOrTicketIDs() {
        #expect(TicketRecord.reference("TKT-20270412-9F3A0C") == (nil, "TKT-20270412-9F3A0C"))
        #expect(TicketRecord.reference("tkt-20270412-9f3a0c") == (nil, "TKT-20270412-9F3A0C"))
        #expect(TicketRecord.reference("0F8FAD5B-D9CB-469F-A165-70867728950E") == ("0f8fad5b-d9cb-469f-a165-70867728950e", nil))
        for bad in ["TKT-2027041-9F3A0C", "TKT-20270412-9F3A0G", "QT-20270412-9F3A0C", "TKT-٢٠٢٧٠٤١٢-9F3A0C", "", "'; DROP"] {
            #expect(TicketRecord.reference(bad) == (nil, nil), "\(bad)")
        }
    }

    @Test func parsedViewKeepsOnlyTheContractFacts() {
        let stored: JSONValue = .object(["destination": .string("Zanzibar"), "nights": .number(7), "adults": .bool(true),
                                         "children_ages": .array([.number(4), .string("x")]), "name": .string("Zoë"),
                                         "budget": .object(["amount": .number(100), "currency": .string("ZAR")])])
        let view = TicketRecord.parsedView(stored, isTravelInquiry: true, method: "llm")
        #expect(view == .object([
            "is_travel_inquiry": .bool(true), "destination": .string("Zanzibar"), "check_in": .null, "check_out": .null,
            "nights": .number(7), "adults": .null, "children": .null, "children_ages": .array([.number(4)]),
            "budget": .object(["amount": .number(100), "currency": .string("ZAR"), "per_person": .bool(false)]),
            "requested_hotel": .null, "method": .string("llm"),
        ]))
        #expect(TicketRecord.parsedView(.object([:]), isTravelInquiry: false, method: nil)["budget"] == .null)
    }

    @Test func cursorsRoundTripAndRefuseForgeries() throws {
        let cursor = KeysetCursor(micros: 1_807_000_000_123_456, id: "0f8fad5b-d9cb-469f-a165-70867728950e")
        #expect(try KeysetCursor(cursor.text) == cursor)
        for forged in ["", "!!", Base64URL.encode(Array("12|not-a-uuid".utf8)), Base64URL.encode(Array("-5|0f8fad5b-d9cb-469f-a165-70867728950e".utf8)),
                       String(repeating: "A", count: 200)] {
            #expect(throws: HTTPError.self) { try KeysetCursor(forged) }
        }
        #expect(TicketListHandlers.likePattern(#"50%_off\"#) == #"%50\%\_off\\%"#)
    }
}

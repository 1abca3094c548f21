import InboundMail
import Integrations
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// Customer follow-ups join their ticket (SPEC §1 step 3) against a real PostgreSQL: by In-Reply-To / References to
/// any Message-ID in the conversation, or by a `TKT-…` subject from the ticket's customer; exactly once; per tenant.
@Suite(.enabled(if: MailTestEnvironment.databaseEnabled)) struct InboundFollowUpTests {
    static let noDates = "Hi, we are 2 adults and would like a holiday in Zanzibar. Could you send us a quote?\nZoë"

    func conversation(_ ticket: PGRow) throws -> [JSONValue] {
        try JSON.decode(JSONValue.self, from: Array(try ticket.string("conversation").utf8)).array ?? []
    }

    @Test func answerToTheMissingFactsMailCompletesTheFactsAndSendsOneQuote() throws {
        let world = try InboundWorld.make("fu-ask", mode: "auto_send")
        defer { world.drop() }
        let first = try world.storeParsed(subject: "Zanzibar?", text: Self.noDates)
        guard case .processed(_, let ticketID, true, "asked_for_missing") = try world.process(first) else {
            Issue.record("no question was asked")
            return
        }
        let asked = try #require(try world.tickets().first)
        let question = try #require(try conversation(asked).last?["message_id"]?.string)
        // The id recorded is the one the transports put on the mail.
        let outbox = try #require(try MailTestEnvironment.owner().query(
            "SELECT idempotency_key, from_address FROM outbox WHERE tenant_id = \(world.tenant)").first)
        let sent = MailMessage(tenantID: world.tenant, idempotencyKey: try outbox.string("idempotency_key"),
                               from: MailAddress(try outbox.string("from_address")), to: [MailAddress("zoe@example.com")],
                               subject: "x", text: "x")
        #expect(question == SMTPTransport.messageID(for: sent))

        let reply = try world.storeParsed(
            subject: "Re: Zanzibar?", text: "We would travel from 10 March 2027 to 17 March 2027.\n> earlier text",
            extraHeaders: "In-Reply-To: \(question)\nReferences: \(question)")
        guard case .processed(_, ticketID, true, "appended:quoted_sent") = try world.process(reply) else {
            Issue.record("the answer did not complete the ticket: \(try world.tickets().map { $0["notes"] ?? "" })")
            return
        }
        let tickets = try world.tickets()
        #expect(tickets.count == 1)
        let ticket = try #require(tickets.first)
        let entries = try conversation(ticket)
        #expect(entries.prefix(3).map { $0["role"]?.string ?? "" } == ["customer", "agent", "customer"])
        #expect(entries.count == 4 && entries[3]["content"]?.string?.hasPrefix("Quote QT-") == true)
        #expect(ticket["status"] == "resolved" && ticket["missing"] == "{}" && ticket["quote_id"] != nil)
        #expect(try world.message(reply)["status"] == "processed")
        #expect(try world.count("SELECT count(*) AS n FROM quotes WHERE tenant_id = $TENANT") == 1)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 2)

        // A re-run (the platform mark was lost) changes nothing, though the ticket is resolved by now.
        try MailTestEnvironment.owner().query("UPDATE inbound_messages SET status = 'processing' WHERE id = \(reply)::uuid")
        guard case .processed(_, ticketID, false, "appended") = try world.process(reply) else {
            Issue.record("the re-run was not recognised")
            return
        }
        #expect(try world.tickets().count == 1)
        #expect(try world.count("SELECT count(*) AS n FROM quotes WHERE tenant_id = $TENANT") == 1)
        let again = try #require(try world.tickets().first)
        #expect(try conversation(again).count == 4)
    }

    @Test func stillMissingAsksAgainOnlyForWhatIsMissing() throws {
        let world = try InboundWorld.make("fu-again", mode: "auto_send")
        defer { world.drop() }
        let first = try world.storeParsed(subject: "Holiday", text: "Hello, we would like a quote for a holiday for 2 adults. Zoë")
        try world.process(first)
        let opened = try #require(try world.tickets().first)
        let question = try #require(try conversation(opened).last?["message_id"]?.string)
        let reply = try world.storeParsed(subject: "Re: Holiday", text: "Zanzibar please, 2 adults.",
                                          extraHeaders: "In-Reply-To: \(question)")
        guard case .processed(_, _, true, "appended:asked_for_missing") = try world.process(reply) else {
            Issue.record("no second question")
            return
        }
        let mails = try MailTestEnvironment.owner().query(
            "SELECT text_body, headers::text AS headers FROM outbox WHERE tenant_id = \(world.tenant) ORDER BY id").all
        #expect(mails.count == 2)
        let second = try mails[1].string("text_body")
        #expect(second.contains("travel dates") && !second.contains("where you would like to go"))
        #expect(try world.tickets().first?["missing"] == "{dates}")
    }

    @Test func answerToAConsultantReplyJoinsByReferencesOnceAndNotifiesOnce() throws {
        let world = try InboundWorld.make("fu-refs")
        defer { world.drop() }
        let first = try world.storeParsed()
        guard case .processed(_, let ticketID, true, _) = try world.process(first) else {
            Issue.record("no ticket")
            return
        }
        let uuid = try #require(try world.tickets().first?["id"])
        try MailTestEnvironment.database().withTenant(world.tenant) { connection in
            try Tickets.append(["role": .string("agent"), "content": .string("Which hotel?"), "at": .string(Timestamp.now()),
                                "message_id": .string("<Reply-1@Sunny.Example>")], to: uuid, on: connection)
        }
        let answer = try world.storeParsed(
            subject: "Re: Trip to Zanzibar", text: "The beach one, please.",
            extraHeaders: "References: <unknown@elsewhere.example> <Reply-1@SUNNY.example>")
        guard case .processed(_, ticketID, true, "appended") = try world.process(answer) else {
            Issue.record("not appended")
            return
        }
        try MailTestEnvironment.owner().query("UPDATE inbound_messages SET status = 'processing' WHERE id = \(answer)::uuid")
        try world.process(answer)
        let tickets = try world.tickets()
        #expect(tickets.count == 1)
        let entries = try conversation(try #require(tickets.first))
        #expect(entries.count == 3 && entries[2]["role"]?.string == "customer"
                && entries[2]["content"]?.string == "The beach one, please." && entries[2]["message_id"] != nil)
        #expect(try world.count("SELECT count(*) AS n FROM notifications WHERE tenant_id = $TENANT AND kind = 'customer_reply'") == 2)
        #expect(try world.count("SELECT count(*) AS n FROM activities WHERE tenant_id = $TENANT AND kind = 'customer_reply'") == 1)
    }

    @Test func subjectTicketIDJoinsOnlyForTheTicketsCustomer() throws {
        let world = try InboundWorld.make("fu-subj")
        defer { world.drop() }
        guard case .processed(_, let ticketID, true, _) = try world.process(try world.storeParsed()) else {
            Issue.record("no ticket")
            return
        }
        let stranger = try world.storeParsed(from: "Mallory <mallory@example.net>",
                                             subject: "Re: your trip [\(ticketID.lowercased())]", text: "Send it to me.")
        guard case .processed(_, let other, true, _) = try world.process(stranger) else {
            Issue.record("the stranger's mail was not ticketed")
            return
        }
        #expect(other != ticketID)
        let own = try world.storeParsed(subject: "Re: Trip to Zanzibar [\(ticketID)]", text: "Any news?")
        guard case .processed(_, ticketID, true, "appended") = try world.process(own) else {
            Issue.record("the customer's mail did not join")
            return
        }
        #expect(try world.tickets().count == 2)
        let joined = try #require(try world.tickets().first)
        #expect(try conversation(joined).count == 2)
    }

    @Test func replyToAClosedTicketOpensANewOneWithTheSameClient() throws {
        let world = try InboundWorld.make("fu-closed")
        defer { world.drop() }
        let messageID = "orig-\(RequestID.generate())@mail.example.com"
        guard case .processed(_, let ticketID, true, _) = try world.process(try world.storeParsed(messageID: messageID))
        else {
            Issue.record("no ticket")
            return
        }
        try MailTestEnvironment.owner().query("UPDATE tickets SET status = 'closed' WHERE tenant_id = \(world.tenant)")
        let later = try world.storeParsed(subject: "Re: Trip to Zanzibar", text: "One more question.",
                                          extraHeaders: "In-Reply-To: <\(messageID)>")
        guard case .processed(_, let second, true, _) = try world.process(later) else {
            Issue.record("no new ticket")
            return
        }
        #expect(second != ticketID)
        let tickets = try world.tickets()
        #expect(tickets.count == 2 && tickets[1]["notes"]?.contains("Follow-up to \(ticketID)") == true)
        #expect(tickets[0]["client_id"] != nil && tickets[1]["client_id"] == tickets[0]["client_id"])
        #expect(try conversation(tickets[0]).count == 1)
    }

    @Test func answerToTheQuoteMailFindsItsResolvedTicket() throws {
        let world = try InboundWorld.make("fu-quote", mode: "auto_send")
        defer { world.drop() }
        guard case .processed(_, let ticketID, true, "quoted_sent") = try world.process(try world.storeParsed()) else {
            Issue.record("no quote")
            return
        }
        let resolved = try #require(try world.tickets().first)
        let quoteMail = try #require(try conversation(resolved).last?["message_id"]?.string)
        let answer = try world.storeParsed(subject: "Re: Your quote", text: "Can we add a night?",
                                           extraHeaders: "In-Reply-To: \(quoteMail)")
        guard case .processed(_, let second, true, _) = try world.process(answer) else {
            Issue.record("not processed")
            return
        }
        let tickets = try world.tickets()
        #expect(second != ticketID && tickets.count == 2)
        #expect(tickets[1]["notes"]?.contains("Follow-up to \(ticketID) (resolved)") == true)
    }

    @Test func anotherTenantsMessageIDNeverAttachesMail() throws {
        let alpha = try InboundWorld.make("fu-xa")
        defer { alpha.drop() }
        let beta = try InboundWorld.make("fu-xb")
        defer { beta.drop() }
        let betaID = "b-\(RequestID.generate())@mail.example.com"
        try beta.process(try beta.storeParsed(messageID: betaID))
        let mail = try alpha.storeParsed(subject: "Re: Trip to Zanzibar", text: "Hello again",
                                         extraHeaders: "In-Reply-To: <\(betaID)>\nReferences: <\(betaID)>")
        guard case .processed(let tenant, _, true, let result) = try alpha.process(mail) else {
            Issue.record("not processed")
            return
        }
        #expect(tenant == alpha.tenant && !result.hasPrefix("appended"))
        #expect(try alpha.tickets().count == 1)
        let untouched = try #require(try beta.tickets().first)
        #expect(try conversation(untouched).count == 1)
    }
}

/// The thread key: angle brackets and spaces go, the domain part is compared without case, the local part with it.
@Suite struct TicketThreadKeyTests {
    @Test func keysNormaliseBracketsAndTheDomainOnly() {
        #expect(TicketThread.key(" <Abc.1@Mail.Example.COM> ") == "Abc.1@mail.example.com")
        #expect(TicketThread.key("Abc.1@mail.example.com") == TicketThread.key("<Abc.1@MAIL.example.com>"))
        #expect(TicketThread.key("abc.1@mail.example.com") != TicketThread.key("Abc.1@mail.example.com"))
        #expect(TicketThread.key("<>") == nil && TicketThread.key("") == nil)
        #expect(TicketThread.key(String(repeating: "a", count: 700)) == nil)
    }
}

import InboundMail
import Runtime
import RuntimePostgres
import Testing

/// The inbound pipeline against a real PostgreSQL: ticket, draft and auto-send modes, missing facts, exactly-once.
@Suite(.enabled(if: MailTestEnvironment.databaseEnabled)) struct InboundPipelineTests {
    @Test func ticketModeOpensOneTicketAndNotifiesEachActiveUserOnce() throws {
        let world = try InboundWorld.make("ticket")
        defer { world.drop() }
        let id = try world.storeParsed()
        guard case .processed(let tenant, _, true, "ticket") = try world.process(id) else {
            Issue.record("not processed")
            return
        }
        #expect(tenant == world.tenant)
        #expect(try world.message(id)["status"] == "processed" && world.message(id)["routed_tenant"] == world.tenant)
        let ticket = try #require(try world.tickets().first)
        #expect(ticket["priority"] == "high" && ticket["parse_method"] == "rules" && ticket["status"] == "open")
        #expect(ticket["customer_email"] == "zoe@example.com" && ticket["customer_name"] == "Zoë Ñúñez")
        let parsed = try JSONValue.object(from: Array(try ticket.string("parsed").utf8))
        #expect(parsed["destination"]?.string == "Zanzibar" && parsed["check_in"]?.string == "2027-03-10")
        #expect(parsed["check_out"]?.string == "2027-03-17" && parsed["adults"]?.number == 2)
        #expect(ticket["client_id"] != nil)
        // Processing again (a re-delivered job) changes nothing.
        #expect(try world.process(id) == .alreadyDone(status: "processed"))
        try MailTestEnvironment.owner().query(
            "UPDATE inbound_messages SET status = 'processing' WHERE id = \(id)::uuid")
        guard case .processed(_, _, false, _) = try world.process(id) else {
            Issue.record("the re-run did not find the ticket")
            return
        }
        #expect(try world.tickets().count == 1)
        #expect(try world.count("SELECT count(*) AS n FROM notifications WHERE tenant_id = $TENANT") == 2)
        #expect(
            try world.count(
                """
                SELECT count(DISTINCT user_id) AS n FROM notifications WHERE tenant_id = $TENANT AND kind = 'email_received'
                AND title = 'New enquiry' AND message LIKE 'Zoë Ñúñez: Zanzibar%'
                """) == 2)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 0)
    }

    @Test func autoSendQuotesEmailsThePDFAndResolvesTheTicket() throws {
        let world = try InboundWorld.make("auto", mode: "auto_send")
        defer { world.drop() }
        let messageID = "\(RequestID.generate())@mail.example.com"
        let id = try world.storeParsed(extraHeaders: "References: <earlier@mail.example.com>\n", messageID: messageID)
        guard case .processed(_, let ticketID, true, "quoted_sent") = try world.process(id) else {
            Issue.record("no quote was sent: \(try world.tickets().first?["notes"] ?? "no ticket")")
            return
        }
        let ticket = try #require(try world.tickets().first)
        #expect(ticket["status"] == "resolved" && ticket["quote_id"] != nil && ticket["client_id"] != nil)
        let quote = try #require(
            try MailTestEnvironment.owner().query(
                """
                SELECT status, source, ticket_id, client_id::text AS client_id FROM quotes
                WHERE tenant_id = \(world.tenant) AND id = \(try ticket.string("quote_id"))::uuid
                """
            ).first)
        #expect(quote["status"] == "sent" && quote["source"] == "inbound" && quote["ticket_id"] == ticketID)
        #expect(quote["client_id"] == ticket["client_id"])
        #expect(
            try world.count(
                """
                SELECT count(*) AS n FROM outbox o JOIN outbox_attachments a ON a.outbox_id = o.id
                WHERE o.tenant_id = $TENANT AND o.to_address = 'zoe@example.com' AND a.content_type = 'application/pdf'
                """) == 1)
        let sent = try #require(
            try MailTestEnvironment.owner().query(
                "SELECT headers::text AS headers FROM outbox WHERE tenant_id = \(world.tenant)"
            ).first)
        let headers = try JSONValue.object(from: Array(try sent.string("headers").utf8))
        #expect(headers["In-Reply-To"]?.string == "<\(messageID)>", "the quote is threaded under the customer's mail")
        #expect(headers["References"]?.string == "<earlier@mail.example.com> <\(messageID)>")
        let steps = try MailTestEnvironment.owner().query(
            """
            SELECT from_status, to_status FROM activities WHERE tenant_id = \(world.tenant) AND subject_type = 'ticket'
            AND kind = 'status_change' ORDER BY created_at
            """
        ).all.map { "\($0["from_status"] ?? "")→\($0["to_status"] ?? "")" }
        #expect(steps == ["open→in_progress", "in_progress→resolved"])
        #expect(
            try world.count(
                """
                SELECT count(*) AS n FROM clients WHERE tenant_id = $TENANT AND email = 'zoe@example.com' AND quote_count = 1
                """) == 1)
        #expect(
            try world.count(
                """
                SELECT count(*) AS n FROM notifications WHERE tenant_id = $TENANT AND message LIKE '%was sent automatically.'
                """) == 2)
        // A re-run after the tenant transaction committed: still one ticket, one quote, one mail.
        try MailTestEnvironment.owner().query(
            "UPDATE inbound_messages SET status = 'processing' WHERE id = \(id)::uuid")
        try world.process(id)
        #expect(try world.tickets().count == 1)
        #expect(try world.count("SELECT count(*) AS n FROM quotes WHERE tenant_id = $TENANT") == 1)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 1)
    }

    @Test func draftModeStoresADraftQuoteAndSendsNothing() throws {
        let world = try InboundWorld.make("draft", mode: "draft")
        defer { world.drop() }
        guard case .processed(_, _, true, "draft") = try world.process(try world.storeParsed()) else {
            Issue.record("no draft")
            return
        }
        let ticket = try #require(try world.tickets().first)
        #expect(ticket["status"] == "in_progress" && ticket["quote_id"] != nil)
        #expect(try world.count("SELECT count(*) AS n FROM quotes WHERE tenant_id = $TENANT AND status = 'draft'") == 1)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 0)
    }

    @Test func missingDatesGetAThreadedPoliteReplyAndNoQuote() throws {
        let world = try InboundWorld.make("missing", mode: "auto_send")
        defer { world.drop() }
        let id = try world.storeParsed(
            subject: "Zanzibar?",
            text: "Hi, we are 2 adults and would like a holiday in Zanzibar. Could you send us a quote?\nZoë",
            extraHeaders: "References: <older@mail.example.com>",
            messageID: "ask-\(RequestID.generate())@mail.example.com")
        guard case .processed(_, _, true, "asked_for_missing") = try world.process(id) else {
            Issue.record("no reply")
            return
        }
        let ticket = try #require(try world.tickets().first)
        #expect(ticket["missing"] == "{dates}" && ticket["quote_id"] == nil && ticket["status"] == "open")
        #expect(ticket["priority"] == "normal")
        let mail = try #require(
            try MailTestEnvironment.owner().query(
                """
                SELECT subject, to_address, from_address, headers::text AS headers, text_body FROM outbox WHERE tenant_id = \(world.tenant)
                """
            ).first)
        let messageID = try #require(
            try MailTestEnvironment.owner().query(
                """
                SELECT message_id FROM inbound_messages WHERE id = \(id)::uuid
                """
            ).first?.string("message_id"))
        let headers = try JSONValue.object(from: Array(try mail.string("headers").utf8))
        #expect(headers["In-Reply-To"]?.string == "<\(messageID)>")
        #expect(headers["References"]?.string == "<older@mail.example.com> <\(messageID)>")
        #expect(mail["subject"] == "Re: Zanzibar?" && mail["to_address"] == "zoe@example.com")
        #expect(mail["from_address"] == "quotes@\(world.tenant).example.com")
        let body = try mail.string("text_body")
        #expect(body.contains("travel dates") && !body.contains("where you would like to go"))
        #expect(try world.count("SELECT count(*) AS n FROM quotes WHERE tenant_id = $TENANT") == 0)
    }

    @Test func withoutASenderTheTicketSaysWhyNoReplyWent() throws {
        let world = try InboundWorld.make("nosender", mode: "auto_send", sender: false)
        defer { world.drop() }
        try world.process(
            try world.storeParsed(
                text: "Hello, we would like to book a holiday for 2 adults. Please send us a quote.\nZoë"))
        let ticket = try #require(try world.tickets().first)
        #expect(ticket["notes"]?.contains("email.from_address") == true)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 0)
    }

    /// Everything the pipeline writes lands under the routed tenant only; a neighbour sees nothing.
    @Test func aMailForOneTenantLeavesTheOtherUntouched() throws {
        let mine = try InboundWorld.make("mine", mode: "auto_send")
        let other = try InboundWorld.make("other", mode: "auto_send")
        defer {
            mine.drop()
            other.drop()
        }
        try mine.process(try mine.storeParsed())
        #expect(try mine.tickets().count == 1)
        #expect(try other.tickets().isEmpty)
        for table in ["notifications", "clients", "quotes", "outbox", "activities"] {
            #expect(try other.count("SELECT count(*) AS n FROM \(table) WHERE tenant_id = $TENANT") == 0, "\(table)")
            #expect(try mine.count("SELECT count(*) AS n FROM \(table) WHERE tenant_id = $TENANT") > 0, "\(table)")
        }
    }
}

import InboundMail
import Integrations
import Runtime
import RuntimePostgres
import Testing
import WorkerFunction

/// What the pipeline does with mail it must not answer or cannot process, and the registered job end to end.
@Suite(.enabled(if: MailTestEnvironment.databaseEnabled)) struct InboundFailureTests {
    @Test func anUnknownRecipientIsKeptUnroutableWithAnExplanation() throws {
        let world = try InboundWorld.make("unroutable")
        defer { world.drop() }
        let id = try world.storeParsed(to: "nobody-\(RequestID.generate().prefix(6))@nowhere.example")
        guard case .unroutable(let explanation) = try world.process(id) else {
            Issue.record("routed")
            return
        }
        let row = try world.message(id)
        #expect(row["status"] == "unroutable" && row["last_error"] == explanation && row["routed_tenant"] == nil)
        #expect(explanation.contains("nowhere.example") && explanation.contains("support_address"))
        #expect(try world.tickets().isEmpty)
    }

    @Test(arguments: ["Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes"])
    func automaticMailIsIgnoredWithoutTicketOrReply(_ header: String) throws {
        let world = try InboundWorld.make("auto-reply", mode: "auto_send")
        defer { world.drop() }
        let id = try world.storeParsed(text: "I am out of the office until Monday.", extraHeaders: header)
        guard case .ignored = try world.process(id) else {
            Issue.record("not ignored")
            return
        }
        #expect(try world.message(id)["status"] == "ignored")
        #expect(try world.tickets().isEmpty)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 0)
    }

    @Test func aBounceFromMailerDaemonIsIgnored() throws {
        let world = try InboundWorld.make("bounce")
        defer { world.drop() }
        let id = try world.storeParsed(from: "Mail Delivery System <MAILER-DAEMON@mx.example.net>")
        guard case .ignored = try world.process(id) else {
            Issue.record("not ignored")
            return
        }
    }

    @Test func anUnreadableRawMailIsDead() throws {
        let world = try InboundWorld.make("raw-dead")
        defer { world.drop() }
        let id = try world.storeRaw("   \r\n  ")
        guard case .dead(let reason) = try world.process(id) else {
            Issue.record("not dead")
            return
        }
        #expect(try world.message(id)["status"] == "dead" && world.message(id)["last_error"] == reason)
    }

    @Test func aRawMailIsRoutedAndTicketed() throws {
        let world = try InboundWorld.make("raw")
        defer { world.drop() }
        let mail = """
            Message-ID: <raw-\(RequestID.generate())@mail.example.com>\r
            From: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.com>\r
            To: Desk <\(world.support.uppercased())>\r
            Subject: Zanzibar\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            We would like to visit Zanzibar from 10 March 2027 to 17 March 2027, 2 adults.
            """
        guard case .processed = try world.process(try world.storeRaw(mail)) else {
            Issue.record("not processed")
            return
        }
        let ticket = try #require(try world.tickets().first)
        #expect(ticket["customer_name"] == "Zoë" && ticket["customer_email"] == "zoe@example.com")
    }

    /// The registered `inbound.process` handler, driven by a worker loop: a good message is processed and its job
    /// done; a failure on the last attempt marks the message dead with the error (a trigger simulates a storage
    /// failure for that one message), and the tenant transaction leaves nothing behind.
    @Test func theRegisteredJobProcessesAndDeadLettersOnTheLastAttempt() throws {
        let world = try InboundWorld.make("job", mode: "auto_send")
        defer { world.drop() }
        let good = try world.storeParsed()
        let broken = try world.storeParsed()
        let owner = try MailTestEnvironment.owner()
        let name =
            "pipeline_test_fail_"
            + String(RequestID.generate().prefix(8)).lowercased()
            .filter { $0.isLetter || $0.isNumber }
        try owner.query(
            PGQuery(
                unsafeSQL: """
                    CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'simulated storage failure'; END $$
                    """))
        try owner.query(
            PGQuery(
                unsafeSQL: """
                    CREATE TRIGGER \(name) BEFORE INSERT ON tickets FOR EACH ROW
                    WHEN (NEW.inbound_message = '\(broken)'::uuid) EXECUTE FUNCTION \(name)();
                    """))
        defer {
            _ = try? owner.query(PGQuery(unsafeSQL: "DROP TRIGGER \(name) ON tickets"))
            _ = try? owner.query(PGQuery(unsafeSQL: "DROP FUNCTION \(name)()"))
        }
        for id in [good, broken] {
            try owner.query(
                """
                INSERT INTO jobs (kind, payload, idempotency_key, max_attempts)
                VALUES ('inbound.process', \(#"{"message_id":"\#(id)"}"#)::jsonb, \("inbound.process:" + id), 1)
                """)
        }
        let config = try MailTestEnvironment.workerConfig(MailSettings())
        let loop = WorkerLoop(
            config: config, registry: WorkerFunction.registry(config: config), thread: 0,
            stop: StopFlag(), logger: world.logger)
        for _ in 0..<50 {
            let states = try [good, broken].map { try world.message($0).string("status") }
            if !states.contains("received") && !states.contains("processing") { break }
            guard try loop.runOnce() else { break }
        }
        #expect(try world.message(good)["status"] == "processed")
        let dead = try world.message(broken)
        #expect(dead["status"] == "dead" && dead["last_error"]?.contains("Failed after 1 attempts") == true)
        func job(_ id: String) throws -> String? {
            try owner.query("SELECT status FROM jobs WHERE idempotency_key = \("inbound.process:" + id)").first?[
                "status"]
        }
        #expect(try job(good) == "done" && job(broken) == "dead")
        #expect(try world.tickets().count == 1)
        #expect(try world.count("SELECT count(*) AS n FROM outbox WHERE tenant_id = $TENANT") == 1)
    }
}

import InboundMail
import Runtime
import Testing

/// The pipeline's pure decisions: loop guard, triage, missing facts, the model answer's validation.
@Suite struct PipelineDecisionTests {
    func message(headers: [(String, String)] = [], from: String = "zoe@example.com", name: String? = "Zoë")
        -> InboundMessage
    {
        InboundMessage(
            messageID: "a@b", from: EmailAddress(name: name, address: from), subject: "Trip",
            headers: headers.map { MessageHeader(name: $0.0, value: $0.1) }, text: "Hello")
    }

    @Test func automaticMailIsRecognised() {
        #expect(InboundLoopGuard.reason(for: message(headers: [("Auto-Submitted", "auto-replied")])) != nil)
        #expect(InboundLoopGuard.reason(for: message(headers: [("auto-submitted", "No")])) == nil)
        #expect(InboundLoopGuard.reason(for: message(headers: [("Precedence", "junk")])) != nil)
        #expect(InboundLoopGuard.reason(for: message(headers: [("Precedence", "first-class")])) == nil)
        #expect(InboundLoopGuard.reason(for: message(headers: [("X-Autoreply", "yes")])) != nil)
        #expect(InboundLoopGuard.reason(for: message(from: "NoReply+x@shop.example")) != nil)
        #expect(InboundLoopGuard.reason(for: message(from: "postmaster@mx.example")) != nil)
        #expect(
            InboundLoopGuard.reason(
                for: message(headers: [("Content-Type", "multipart/report; report-type=delivery-status")])) != nil)
        #expect(InboundLoopGuard.reason(for: message()) == nil)
    }

    @Test func priorityAndMissingFactsFollowTheTrip() {
        var trip = ExtractedTrip(
            isTravelInquiry: true, destination: "Zanzibar", checkIn: Day("2027-03-10"), nights: 7, adults: 2)
        #expect(InboundTriage.priority(trip) == "high" && InboundTriage.missing(trip).isEmpty)
        trip.nights = nil
        #expect(InboundTriage.priority(trip) == "normal" && InboundTriage.missing(trip) == ["dates"])
        trip.destination = nil
        trip.adults = nil
        #expect(InboundTriage.missing(trip) == ["destination", "dates", "travellers"])
        #expect(InboundTriage.priority(ExtractedTrip()) == "low" && InboundTriage.missing(ExtractedTrip()).isEmpty)
        #expect(InboundTriage.fact(forField: "inquiry.check_in") == "dates")
        #expect(InboundTriage.fact(forField: "inquiry.children_ages") == "travellers")
        #expect(InboundTriage.fact(forField: "inquiry.email") == nil)
    }

    @Test func theCustomerComesFromTheBodyThenReplyToThenFrom() {
        var mail = message()
        #expect(
            InboundTriage.customer(mail, trip: ExtractedTrip())
                == .init(name: "Zoë", email: "zoe@example.com", phone: nil))
        mail.replyTo = EmailAddress(name: "Zoë Desk", address: "Desk@Example.com")
        #expect(InboundTriage.customer(mail, trip: ExtractedTrip()).email == "desk@example.com")
        let trip = ExtractedTrip(name: "Zoë Ñúñez", email: "zoe.n@example.org")
        #expect(
            InboundTriage.customer(mail, trip: trip) == .init(name: "Zoë Ñúñez", email: "zoe.n@example.org", phone: nil)
        )
        #expect(InboundTriage.customer(message(from: "not an address", name: nil), trip: ExtractedTrip()).email == nil)
    }

    @Test func theSchemaIsStrict() {
        let schema = TripExtractionPrompt.schema
        let properties = schema["properties"]?.object ?? [:]
        #expect(schema["additionalProperties"] == .bool(false))
        #expect(Set(schema["required"]?.array?.compactMap(\.string) ?? []) == Set(properties.keys))
        #expect(properties.count == 15)
    }

    @Test func theModelsAnswerIsValidated() throws {
        let input = ExtractionInput(
            subject: "", body: "", destinations: [TenantDestination(name: "Cape Town", aliases: ["Kaapstad"])],
            defaultCurrency: "ZAR", today: Day(year: 2027, month: 1, day: 1) ?? .today())
        let json = """
            {"is_travel_inquiry":true,"name":" Ann ","email":"not-mail","phone":null,"destination":"KAAPSTAD",
             "check_in":"2027-03-10","check_out":null,"nights":5,"adults":2,"children":null,"children_ages":[],
             "infants":null,"budget":null,"requested_hotel":"","special_requests":null}
            """
        let candidate = try JSON.decode(TripCandidate.self, from: Array(json.utf8))
        let trip = try candidate.validated(against: input)
        #expect(trip.destination == "Cape Town" && trip.name == "Ann" && trip.email == nil && trip.nights == 5)
        #expect(trip.requestedHotel == nil && trip.checkOut == nil)
        var wrong = candidate
        wrong.check_out = "2027-03-09"
        #expect(throws: TripCandidate.Invalid.self) { try wrong.validated(against: input) }
        wrong = candidate
        wrong.adults = 0
        #expect(throws: TripCandidate.Invalid.self) { try wrong.validated(against: input) }
        wrong = candidate
        wrong.check_in = "10/03/2027"
        #expect(throws: TripCandidate.Invalid.self) { try wrong.validated(against: input) }
    }
}

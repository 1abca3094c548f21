import InboundMail
import Runtime
import Testing

/// The labelled corpus: per-field accuracy over every inquiry, printed, and at least 90 % per field.
@Suite struct ExtractCorpusTests {
    static let inquiries = ExtractCorpusA.cases + ExtractCorpusB.cases + ExtractCorpusC.cases + ExtractCorpusD.cases

    @Test func corpusIsLargeAndDistinct() {
        #expect(Self.inquiries.count >= 60)
        #expect(Set(Self.inquiries.map(\.body)).count == Self.inquiries.count)
        #expect(Set(Self.inquiries.map(\.id)).count == Self.inquiries.count)
        #expect(ExtractNonTravel.cases.count >= 10)
    }

    @Test func perFieldAccuracyIsAtLeastNinetyPercent() {
        var accuracy = FieldAccuracy()
        for inquiry in Self.inquiries {
            let trip = ExtractFixtures.extract(inquiry.body, subject: inquiry.subject, fromEmail: inquiry.from)
            accuracy.score(inquiry, trip)
        }
        print(accuracy.summary)
        for miss in accuracy.misses { print("  miss: \(miss)") }
        for field in FieldAccuracy.fields {
            #expect(accuracy.ratio(field) >= 0.9, "\(field): \(accuracy.correct[field, default: 0])/\(accuracy.total)")
        }
    }

    @Test(arguments: ExtractNonTravel.cases)
    func nonTravelMailIsNotAnInquiry(_ mail: ExtractNonTravel.Mail) {
        let trip = ExtractFixtures.extract(mail.body, subject: mail.subject, fromEmail: mail.from)
        #expect(!trip.isTravelInquiry, "\(mail.id)")
    }
}

/// Mail that reaches the inbound address but asks for no trip.
enum ExtractNonTravel {
    struct Mail: Sendable, CustomStringConvertible {
        var id: String
        var subject: String
        var body: String
        var from: String? = nil
        var description: String { id }
    }

    static let cases: [Mail] = [
        Mail(
            id: "N01 out of office", subject: "Automatic reply: Your Zanzibar quote",
            body: """
                Thank you for your email. I am currently out of the office until 20 January with limited access to email.
                """),
        Mail(
            id: "N02 agency newsletter", subject: "Our January specials",
            body: """
                Book your Zanzibar escape from R9,999 pp! 7 nights, 2 adults sharing, flights included.
                Click here to unsubscribe from this newsletter.
                """),
        Mail(
            id: "N03 hosting invoice", subject: "Invoice INV-2031 from CloudHost",
            body: """
                Dear customer, your invoice INV-2031 is ready. Amount due: $49.00 by 1 February 2027.
                """),
        Mail(
            id: "N04 payment receipt", subject: "Payment receipt",
            body: """
                Thank you, we received your payment of R1,250.00 on 12 January 2027. Reference 88123.
                """),
        Mail(
            id: "N05 job application", subject: "Application for Travel Consultant position",
            body: """
                Dear Hiring Manager, I would like to apply for the position of Travel Consultant. Please find attached \
                my CV. I have 5 years of experience booking holidays to Mauritius and Bali.
                """),
        Mail(
            id: "N06 lottery spam", subject: "Congratulations!!!",
            body: """
                You have won $1,000,000 and a free holiday to Bali! Claim your prize now by sending your bank details.
                """),
        Mail(
            id: "N07 SEO spam", subject: "Rank #1 on Google",
            body: """
                Hi, we can get your travel website on the first page of Google. Our SEO services start at $99 a month.
                """),
        Mail(
            id: "N08 German auto-reply", subject: "Abwesenheitsnotiz: Anfrage",
            body: """
                Ich bin bis zum 25. Januar nicht im Büro und habe keinen Zugriff auf meine E-Mails.
                """),
        Mail(
            id: "N09 bounce", subject: "Undeliverable: Quote Q-2027-0012",
            body: """
                Delivery has failed to these recipients or groups: guest@example.com
                """, from: "mailer-daemon@mail.example.com"),
        Mail(
            id: "N10 supplier marketing", subject: "New rates for 2027",
            body: """
                View this email in your browser. Our new 2027 contract rates for lodges are now available. \
                Manage your preferences or unsubscribe at any time.
                """),
        Mail(
            id: "N11 internal meeting", subject: "Meeting",
            body: """
                Hi John, can we move our meeting to Thursday at 10? Cheers, Mark
                """),
        Mail(
            id: "N12 crypto spam", subject: "Make money fast",
            body: """
                Invest in bitcoin today and double your money in 7 days. Limited offer.
                """),
    ]
}

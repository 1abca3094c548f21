import InboundMail
import Testing

/// Names, email, phone and requested hotel.
@Suite struct ExtractContactTests {
    @Test(
        arguments: [
            ("Name: Lerato Mokoena\nBali please", "Lerato Mokoena"),
            ("Hi, my name is Sarah Jacobs and we want Bali", "Sarah Jacobs"),
            ("Hi, I'm Johan. Bali please", "Johan"),
            ("I am Anna and I want Bali", "Anna"),
            ("Hi, I'm looking for Bali", nil),
            ("I am Interested in Bali", nil),
            ("Bali please.\n\nRegards,\nPieter Botha", "Pieter Botha"),
            ("Bali please.\nThanks, Mike", "Mike"),
            ("Bali please.\n\nBest wishes\nAnna Smith\n021 555 1234", "Anna Smith"),
            ("Bali please.\nCheers\nTom", "Tom"),
            ("Bali please.\nKind regards Jane Doe", "Jane Doe"),
            ("Bali please.\nThanks for your help!", nil),
        ] as [(String, String?)])
    func readsNames(_ text: String, _ name: String?) {
        #expect(ExtractFixtures.extract(text).name == name)
    }

    @Test func fallsBackToTheDisplayNameButNeverAnAddress() {
        #expect(ExtractFixtures.extract("Bali please", fromName: "Jo Smith").name == "Jo Smith")
        #expect(ExtractFixtures.extract("Bali please", fromName: "jo@example.com").name == nil)
        #expect(
            ExtractFixtures.extract(
                "Bali please\n---------- Forwarded message ---------\nFrom: Ann Lee <ann@x.example>\n\nHi",
                fromName: "Agent"
            ).name == "Ann Lee")
    }

    @Test func readsEmailFromBodyElseSender() {
        #expect(
            ExtractFixtures.extract("reach me at Jane.Doe@Example.co.za.", fromEmail: "x@y.example").email
                == "jane.doe@example.co.za")
        #expect(ExtractFixtures.extract("Bali please", fromEmail: "x@y.example").email == "x@y.example")
        #expect(ExtractFixtures.extract("@@ a@b @.", fromEmail: nil).email == nil)
    }

    @Test(
        arguments: [
            ("Call +27 82 555 1234", "+27 82 555 1234"),
            ("cell 082-555-1234 thanks", "082-555-1234"),
            ("Tel: (021) 555 1234", "(021) 555 1234"),
            ("UK: +44 20 7946 0958", "+44 20 7946 0958"),
            ("Phone: 0825551234", "0825551234"),
            ("dates 15/08/2027 - 22/08/2027", nil),
            ("from 12.09.2027 to 19.09.2027", nil),
            ("budget R60,000 or R 600 000", nil),
            ("2027-08-15 to 2027-08-22", nil),
        ] as [(String, String?)])
    func readsPhones(_ text: String, _ phone: String?) {
        #expect(ExtractFixtures.extract(text).phone == phone)
    }

    @Test(
        arguments: [
            ("We'd love to stay at the Zuri Zanzibar for 5 nights", "Zuri Zanzibar"),
            ("Could we stay at Paradise Beach Resort?", "Paradise Beach Resort"),
            ("We are interested in the Sun Siyam Resort", "Sun Siyam Resort"),
            ("Hotel: The Silo\nDates: 3 May", "The Silo"),
            ("Something like Hotel Verde would be nice", "Hotel Verde"),
            ("Last time we loved the Lion's Den Lodge.", "Lion's Den Lodge"),
            ("We want to stay at Zanzibar for a week", nil),
            ("Any 5 star hotel is fine", nil),
        ] as [(String, String?)])
    func readsRequestedHotel(_ text: String, _ hotel: String?) {
        #expect(ExtractFixtures.extract(text).requestedHotel == hotel)
    }
}

import InboundMail
import Testing

@Suite struct MIMEAddressTests {
    @Test func mixedListWithQuotedCommaAndUnicodeName() {
        let list = EmailAddress.parseList("Zoë <z@x.com>, \"Doe, J\" <j@Y.ORG>, plain@z.net")
        #expect(
            list == [
                EmailAddress(name: "Zoë", address: "z@x.com"),
                EmailAddress(name: "Doe, J", address: "j@y.org"),
                EmailAddress(address: "plain@z.net"),
            ])
    }

    @Test func groupsYieldTheirMembers() {
        let list = EmailAddress.parseList("Sales Team: ana@agency.co.za, \"Bo\" <bo@agency.co.za>;, cc@x.com")
        #expect(list.map(\.address) == ["ana@agency.co.za", "bo@agency.co.za", "cc@x.com"])
        #expect(EmailAddress.parseList("undisclosed-recipients:;").isEmpty)
    }

    @Test func commentsAndOldStyleNames() {
        #expect(
            EmailAddress.parseList("jane@x.com (Jane Smith)") == [
                EmailAddress(name: "Jane Smith", address: "jane@x.com")
            ])
        #expect(
            EmailAddress.parseList("John (work) <john@x.com>") == [EmailAddress(name: "John", address: "john@x.com")])
        #expect(
            EmailAddress.parseList("a(comment (nested))@x.com") == [
                EmailAddress(name: "comment (nested)", address: "a@x.com")
            ])
    }

    @Test func encodedWordNamesAndQuotedEncodedWords() {
        #expect(EmailAddress.parseList("=?UTF-8?Q?Jos=C3=A9_Mu=C3=B1oz?= <jose@x.es>").first?.name == "José Muñoz")
        #expect(EmailAddress.parseList("\"=?ISO-8859-1?Q?Andr=E9?=\" <andre@x.fr>").first?.name == "André")
        #expect(EmailAddress.parseList("'Outlook Name' <o@x.com>").first?.name == "Outlook Name")
    }

    @Test func caseAndNormalization() {
        let address = EmailAddress.parseList("Bookings <Bookings+Tag@Example.COM>")[0]
        #expect(address.address == "Bookings+Tag@example.com")
        #expect(address.normalized == "bookings+tag@example.com")
        #expect(address.localPart == "Bookings+Tag")
        #expect(address.domain == "example.com")
    }

    @Test func sloppySeparatorsAndJunk() {
        #expect(EmailAddress.parseList("a@x.com; b@y.com").map(\.address) == ["a@x.com", "b@y.com"])
        #expect(EmailAddress.parseList("<mailto:m@x.com>").map(\.address) == ["m@x.com"])
        #expect(EmailAddress.parseList("just a name, @nolocal, nodomain@, ").isEmpty)
        #expect(EmailAddress.parseList("\"unterminated <a@x.com>").isEmpty)
        #expect(EmailAddress.parseList("Name <a@x.com").map(\.address) == ["a@x.com"])
        #expect(EmailAddress.parseList("a@x.com <a@x.com>") == [EmailAddress(address: "a@x.com")])
        #expect(EmailAddress.parseList("").isEmpty)
    }
}

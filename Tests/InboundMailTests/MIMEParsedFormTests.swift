import Runtime
import Testing

@testable import InboundMail

/// SendGrid's default (parsed) form, and whole posts through `InboundParser.post`.
@Suite struct MIMEParsedFormTests {
    static let headerBlock = """
        Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Wed, 27 Jul 2016 20:53:06 +0000 (UTC)
        From: =?ISO-8859-1?Q?Andr=E9_Dupont?= <andre@exemple.fr>
        Date: Wed, 27 Jul 2016 13:53:05 -0700
        Message-ID: <CAJ+9xyz@mail.example.fr>
        In-Reply-To: <quote-7@agency.test>
        Subject: Devis
        To: bookings@agency.test
        Content-Type: multipart/alternative; boundary=001a113df448cad2d00538b97b23
        """

    static func fields(text: [UInt8]) -> [String: [UInt8]] {
        [
            "headers": Array(headerBlock.utf8),
            "from": Array("André Dupont <andre@exemple.fr>".utf8),
            "to": Array("bookings@agency.test".utf8),
            "subject": Array("Devis été".utf8),
            "text": text,
            "html": MIMEFixture.singleByte("<p>Bonjour, nous souhaitons un s&eacute;jour.</p>"),
            "charsets": Array(
                #"{"to":"UTF-8","html":"iso-8859-1","subject":"UTF-8","from":"UTF-8","text":"iso-8859-1"}"#.utf8),
            "envelope": Array(#"{"to":["bookings@agency.test"],"from":"andre@exemple.fr"}"#.utf8),
            "SPF": Array("pass".utf8),
            "dkim": Array("{@exemple.fr : pass}".utf8),
        ]
    }

    @Test func charsetsAreAppliedToTheTextField() throws {
        let text = MIMEFixture.singleByte("Bonjour, nous souhaitons un séjour à l'île Maurice, 2 adultes.\r\n")
        let message = try InboundParser.parsed(fields: Self.fields(text: text), files: [])
        #expect(message.text == "Bonjour, nous souhaitons un séjour à l'île Maurice, 2 adultes.\n")
        #expect(message.html == "<p>Bonjour, nous souhaitons un s&eacute;jour.</p>")
        #expect(message.subject == "Devis été", "the subject field wins over the header block")
        #expect(message.from == EmailAddress(name: "André Dupont", address: "andre@exemple.fr"))
        #expect(message.messageID == "CAJ+9xyz@mail.example.fr")
        #expect(message.inReplyTo == "quote-7@agency.test")
        #expect(message.envelopeTo == ["bookings@agency.test"])
        #expect(message.envelopeFrom == "andre@exemple.fr")
        #expect(message.header("from") == "André Dupont <andre@exemple.fr>", "headers are decoded")
    }

    @Test func htmlOnlyParsedFormAndHeaderFallbacks() throws {
        let fields: [String: String] = [
            "headers": "From: Zoë <zoe@x.com>\nSubject: =?UTF-8?Q?Caf=C3=A9?=\nTo: a@b.com",
            "html": "<div>Hello&nbsp;there</div><div>second</div>",
        ]
        let message = try InboundParser.parsed(fields: fields, files: [])
        #expect(message.text == "Hello there\nsecond")
        #expect(message.subject == "Café")
        #expect(message.from?.name == "Zoë")
        #expect(message.to.map(\.address) == ["a@b.com"])
    }

    @Test func emptyPostThrows() {
        let error = #expect(throws: InboundParseError.self) {
            try InboundParser.parsed(fields: ["SPF": "pass", "charsets": "{}"], files: [])
        }
        #expect(error?.code == .empty)
    }

    @Test func postWithAttachmentInfoAndContentIDs() throws {
        let parts = [
            MultipartPart(name: "from", body: Array("Ana <ana@x.com>".utf8)),
            MultipartPart(name: "text", body: Array("See the attached passport.".utf8)),
            MultipartPart(name: "attachments", body: Array("2".utf8)),
            MultipartPart(
                name: "attachment-info",
                body: Array(
                    #"""
                    {"attachment1":{"filename":"=?UTF-8?B?UGFzc2Fwb3J0ZS5wZGY=?=","name":"p.pdf","type":"application/pdf"},
                     "attachment2":{"filename":"logo.png","type":"image/png","content-id":"ii_abc"}}
                    """#.utf8)),
            MultipartPart(name: "content-ids", body: Array(#"{"ii_abc":"attachment2"}"#.utf8)),
            MultipartPart(
                name: "attachment1", filename: "upload.bin", contentType: "application/octet-stream",
                body: [1, 2, 3]),
            MultipartPart(
                name: "attachment2", filename: "logo.png", contentType: "image/png; charset=binary", body: [4]),
            MultipartPart(name: "attachment3", filename: "../../etc/passwd", body: [5]),
        ]
        let message = try InboundParser.post(parts)
        #expect(message.text == "See the attached passport.")
        #expect(
            message.attachments == [
                InboundAttachment(filename: "Passaporte.pdf", contentType: "application/pdf", bytes: [1, 2, 3]),
                InboundAttachment(
                    filename: "logo.png", contentType: "image/png", contentID: "ii_abc", isInline: true, bytes: [4]),
                InboundAttachment(filename: "passwd", contentType: "application/octet-stream", bytes: [5]),
            ])
    }

    @Test func rawPostUsesTheEnvelopeAndMatchesTheParsedHash() throws {
        let mail =
            "From: a@x.com\r\nTo: b@y.com\r\nSubject: Hi\r\nDate: Mon, 1 Mar 2027 10:00:00 +0000\r\n\r\nHello\r\n"
        let raw = try InboundParser.post([
            MultipartPart(name: "email", body: Array(mail.utf8)),
            MultipartPart(name: "envelope", body: Array(#"{"to":"b@y.com","from":"bounce@x.com"}"#.utf8)),
        ])
        #expect(raw.envelopeTo == ["b@y.com"])
        #expect(raw.envelopeFrom == "bounce@x.com")
        let parsed = try InboundParser.parsed(
            fields: [
                "headers": "From: a@x.com\nTo: b@y.com\nSubject: Hi\nDate: Mon, 1 Mar 2027 10:00:00 +0000",
                "from": "a@x.com", "to": "b@y.com", "subject": "Hi", "text": "Hello\n",
            ], files: [])
        #expect(raw.contentHash == parsed.contentHash)
    }

    @Test func malformedJSONFieldsReadAsEmpty() throws {
        let message = try InboundParser.parsed(
            fields: [
                "text": "hi", "charsets": "{not json", "envelope": String(repeating: "[", count: 5_000),
            ], files: [])
        #expect(message.text == "hi")
        #expect(message.envelopeTo.isEmpty)
    }
}

import Testing

@testable import InboundMail

/// Forwarded mail, nesting, limits, and malformed structure.
@Suite struct MIMEStructureTests {
    @Test func forwardedMessageIsAnAttachmentAndStaysOutOfTheBody() throws {
        let message = try #require(
            MIMEFixture.raw(
                """
                From: Agent <agent@partner.test>
                To: bookings@agency.test
                Subject: Fwd: Honeymoon inquiry
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: text/plain; charset=utf-8

                Please quote this couple.
                --outer
                Content-Type: message/rfc822
                Content-Disposition: inline

                From: Couple <couple@example.com>
                Subject: Honeymoon
                Content-Type: text/plain

                We want Seychelles in May, budget $9k.
                --outer--
                """))
        #expect(message.text == "Please quote this couple.")
        #expect(message.subject == "Fwd: Honeymoon inquiry")
        let forwarded = try #require(message.attachments.first)
        #expect(forwarded.filename == "forwarded.eml")
        #expect(forwarded.contentType == "message/rfc822")
        let inner = try InboundParser.raw(forwarded.bytes)
        #expect(inner.text == "We want Seychelles in May, budget $9k.")
        #expect(inner.from?.address == "couple@example.com")
    }

    @Test func relatedHTMLWithInlineImageAndNoTextPart() throws {
        let message = try #require(
            MIMEFixture.raw(
                """
                From: a@x.com
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                <p>Ol=E1 <img src=3D"cid:logo"></p>
                --rel
                Content-Type: image/png
                Content-ID: <logo>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                """))
        #expect(message.text == "Olá")
        #expect(message.attachments.map(\.filename) == ["attachment-1.png"])
        #expect(message.attachments.first?.isInline == true)
        #expect(message.attachments.first?.contentID == "logo")
    }

    @Test func emptyTextPartFallsBackToHTML() throws {
        let message = try #require(
            MIMEFixture.raw(
                """
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/plain

                \u{20}
                --b
                Content-Type: text/html

                <b>Real</b> content
                --b--
                """))
        #expect(message.text == "Real content")
    }

    @Test func missingCloseDelimiterAndBadBase64AreBestEffort() throws {
        let message = try #require(
            MIMEFixture.raw(
                """
                Content-Type: multipart/mixed; boundary=b

                preamble is ignored
                --b
                Content-Type: text/plain
                Content-Transfer-Encoding: base64

                SGVsbG8g!!!d29y*bGQ
                --b
                Content-Type: text/plain; charset=utf-8

                second part, never closed
                """))
        #expect(message.text == "Hello world\nsecond part, never closed")
    }

    @Test func headersWithoutBodyAndBodyWithoutHeaders() throws {
        #expect(MIMEFixture.raw("Subject: only headers")?.subject == "only headers")
        #expect(MIMEFixture.raw("Just some text, no headers at all.")?.text == "Just some text, no headers at all.")
        #expect(MIMEFixture.raw("From sender@x.com Mon Apr 12 09:00:00 2027\nSubject: mbox\n\nbody")?.subject == "mbox")
        #expect(MIMEFixture.raw("Content-Type: multipart/mixed\n\nno boundary")?.text == "no boundary")
        #expect(MIMEFixture.raw("Content-Type: multipart/mixed; boundary=zz\n\nno parts here")?.text == "")
    }

    @Test func limitsThrowTheirCodes() {
        func nested(_ depth: Int) -> [UInt8] {
            var text = "Content-Type: text/plain\n\ninnermost"
            for level in 0..<depth {
                text = "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n\(text)\n--b\(level)--"
            }
            return MIMEFixture.eml(text)
        }
        #expect((try? InboundParser.raw(nested(20)))?.text == "innermost")
        #expect(throws: InboundParseError(.tooDeep, "The message nests multiparts deeper than 20 levels.")) {
            try InboundParser.raw(nested(21))
        }
        let many =
            "Content-Type: multipart/mixed; boundary=b\n\n"
            + String(repeating: "--b\nContent-Type: text/plain\n\nx\n", count: 100) + "--b--"
        let error = #expect(throws: InboundParseError.self) { try InboundParser.raw(MIMEFixture.eml(many)) }
        #expect(error?.code == .tooManyParts)
        let small = InboundParser.Limits(maxBytes: 10)
        #expect(throws: InboundParseError(.tooLarge, "The message is larger than 10 bytes.")) {
            try InboundParser.raw(Array("Subject: 0123456789".utf8), limits: small)
        }
        #expect(throws: InboundParseError(.empty, "The message is empty.")) {
            try InboundParser.raw(Array(" \r\n".utf8))
        }
    }

    @Test func errorDescriptionHoldsCodeAndMessageOnly() {
        let error = InboundParseError(.tooManyParts, "The message has more than 100 MIME parts.")
        #expect(error.description == "too_many_parts: The message has more than 100 MIME parts.")
    }

    @Test func contentHashIsStableAndSensitiveToTheBody() throws {
        let mail = "From: A <a@x.com>\nTo: b@y.com\nSubject: Hi\nDate: Mon, 1 Mar 2027 10:00:00 +0000\n\nBody one\n"
        let first = try #require(MIMEFixture.raw(mail))
        let again = try #require(MIMEFixture.raw(mail))
        let trailingSpaces = try #require(MIMEFixture.raw(mail.mimeReplacing("Body one", "Body one   ")))
        let other = try #require(MIMEFixture.raw(mail.mimeReplacing("Body one", "Body two")))
        let otherDate = try #require(MIMEFixture.raw(mail.mimeReplacing("10:00:00", "10:00:01")))
        #expect(first.messageID == nil)
        #expect(first.contentHash == again.contentHash)
        #expect(first.contentHash == trailingSpaces.contentHash)
        #expect(first.contentHash != other.contentHash)
        #expect(first.contentHash != otherDate.contentHash)
        #expect(first.dedupeKey == "sha256:" + first.contentHash)
    }
}

extension String {
    func mimeReplacing(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

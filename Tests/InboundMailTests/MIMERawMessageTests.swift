import Testing

@testable import InboundMail

/// Real-world-shaped raw messages (the `email` field of SendGrid's raw form).
@Suite struct MIMERawMessageTests {
    static let gmail = """
        Delivered-To: bookings@inbound.agency.test
        Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])
        \tby mx.sendgrid.net with SMTP id abc; Mon, 12 Apr 2027 09:14:03 +0000
        MIME-Version: 1.0
        From: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe.mueller@gmail.com>
        Date: Mon, 12 Apr 2027 11:13:51 +0200
        Message-ID: <CAKx9Lq3=fT+ab_QmZ@mail.gmail.com>
        Subject: =?UTF-8?B?RsOpcmlhcyBlbSBNb8Onw6JtYmlxdWU=?=
        To: "Sunset Travel, Bookings" <Bookings@Agency.test>
        Cc: Partner <partner@example.org>, friend@example.net
        Content-Type: multipart/mixed; boundary="000000000000a1b2c3d4e5f6"

        --000000000000a1b2c3d4e5f6
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f5"

        --000000000000a1b2c3d4e5f5
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Hi,

        We would like to visit Mo=C3=A7ambique from 10-17 September 2027, 2 adults =
        and 2 children (ages 7 and 10).

        Thanks,
        Zo=C3=AB

        --000000000000a1b2c3d4e5f5
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Hi,<div><br></div><div>We would like to visit Mo=C3=A7ambi=
        que</div></div>

        --000000000000a1b2c3d4e5f5--
        --000000000000a1b2c3d4e5f6
        Content-Type: application/pdf; name="passports.pdf"
        Content-Disposition: attachment; filename="passports.pdf"
        Content-Transfer-Encoding: base64
        X-Attachment-Id: f_lx1

        JVBERi0xLjQK
        JSVFT0YK
        --000000000000a1b2c3d4e5f6--

        """

    @Test func gmailMultipartAlternativeWithAttachment() throws {
        let message = try InboundParser.raw(MIMEFixture.eml(Self.gmail))
        #expect(message.messageID == "CAKx9Lq3=fT+ab_QmZ@mail.gmail.com")
        #expect(message.from == EmailAddress(name: "Zoë Müller", address: "zoe.mueller@gmail.com"))
        #expect(message.to == [EmailAddress(name: "Sunset Travel, Bookings", address: "Bookings@agency.test")])
        #expect(message.cc.map(\.address) == ["partner@example.org", "friend@example.net"])
        #expect(message.subject == "Férias em Moçâmbique")
        #expect(
            message.text.hasPrefix("Hi,\n\nWe would like to visit Moçambique from 10-17 September 2027, 2 adults and 2")
        )
        #expect(message.text.hasSuffix("Thanks,\nZoë\n"))
        #expect(message.html?.contains("Moçambique") == true)
        #expect(
            message.attachments == [
                InboundAttachment(
                    filename: "passports.pdf", contentType: "application/pdf",
                    bytes: Array("%PDF-1.4\n%%EOF\n".utf8))
            ])
        #expect(message.header("received")?.contains("\tby mx.sendgrid.net") == true, "unfolded, whitespace kept")
        #expect(message.contentHash.count == 64)
    }

    static let outlook = """
        From: "O'Brien, Seán" <sean.obrien@contoso.ie>
        To: "bookings@agency.test" <bookings@agency.test>
        Subject: RE: Quote TKT-1042 =?windows-1252?Q?=96_Cape_Town?=
        Thread-Topic: Quote TKT-1042
        Date: Tue, 13 Apr 2027 08:01:22 +0000
        Message-ID: <DB9PR0301MB2345A1@DB9PR0301MB2345.eurprd03.prod.outlook.com>
        In-Reply-To: <quote-1042@agency.test>
        References: <first@agency.test>
         <quote-1042@agency.test>
        Content-Language: en-IE
        Content-Type: multipart/mixed;
        \tboundary="_004_DB9PR0301MB2345A1_"
        MIME-Version: 1.0

        --_004_DB9PR0301MB2345A1_
        Content-Type: multipart/alternative;
        \tboundary="_000_DB9PR0301MB2345A1_"

        --_000_DB9PR0301MB2345A1_
        Content-Type: text/plain; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable

        That=92s great =96 we=92ll take the =93Sea View=94 option for =8012,500.

        --_000_DB9PR0301MB2345A1_
        Content-Type: text/html; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable

        <html><body><p class=3D"MsoNormal">That=92s great</p></body></html>

        --_000_DB9PR0301MB2345A1_--

        --_004_DB9PR0301MB2345A1_
        Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;
        \tname="=?utf-8?B?UmVzZXJ2YcOnw6NvLmRvY3g=?="
        Content-Description: =?utf-8?B?UmVzZXJ2YcOnw6NvLmRvY3g=?=
        Content-Disposition: attachment;
        \tfilename*=utf-8''Reserva%C3%A7%C3%A3o.docx; size=3
        Content-Transfer-Encoding: base64

        UEsD
        --_004_DB9PR0301MB2345A1_--
        """

    @Test func outlookWindows1252WithThreadingAndEncodedFilename() throws {
        let message = try InboundParser.raw(MIMEFixture.eml(Self.outlook))
        #expect(message.from == EmailAddress(name: "O'Brien, Seán", address: "sean.obrien@contoso.ie"))
        #expect(message.to.map(\.name) == [nil], "a name equal to the address is no name")
        #expect(message.subject == "RE: Quote TKT-1042 – Cape Town")
        #expect(message.inReplyTo == "quote-1042@agency.test")
        #expect(message.references == ["first@agency.test", "quote-1042@agency.test"])
        #expect(message.text == "That’s great – we’ll take the “Sea View” option for €12,500.\n")
        #expect(message.attachments.map(\.filename) == ["Reservação.docx"])
        #expect(message.attachments.first?.bytes == [0x50, 0x4B, 0x03])
    }

    static let appleMail = """
        Content-Type: multipart/mixed; boundary="Apple-Mail=_5B1C2D3E-1111-2222-3333-444455556666"
        Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
        Subject: Trip to Mauritius
        From: Ana Silva <ana@icloud.com>
        Date: Wed, 14 Apr 2027 19:02:11 +0100
        To: bookings@agency.test

        --Apple-Mail=_5B1C2D3E-1111-2222-3333-444455556666
        Content-Transfer-Encoding: 7bit
        Content-Type: text/plain;
        \tcharset=us-ascii;
        \tformat=flowed

        Hello, we are a family of four and would like to stay at the beach\u{20}
        resort for 7 nights from 3 March.
        --\u{20}
        Ana

        --Apple-Mail=_5B1C2D3E-1111-2222-3333-444455556666
        Content-Disposition: inline;
        \tfilename=IMG_0042.jpeg
        Content-Type: image/jpeg;
        \tx-unix-mode=0644;
        \tname="IMG_0042.jpeg"
        Content-Id: <3F1A7E0B-AAAA@home>
        Content-Transfer-Encoding: base64

        /9j/4AAQ
        --Apple-Mail=_5B1C2D3E-1111-2222-3333-444455556666
        Content-Transfer-Encoding: 7bit
        Content-Type: text/plain;
        \tcharset=us-ascii

        Sent from my iPhone
        --Apple-Mail=_5B1C2D3E-1111-2222-3333-444455556666--
        """

    @Test func appleMailFlowedTextAroundAnInlineImage() throws {
        let message = try InboundParser.raw(MIMEFixture.eml(Self.appleMail))
        #expect(message.messageID == nil)
        #expect(message.to.map(\.address) == ["bookings@agency.test"])
        #expect(
            message.text == """
                Hello, we are a family of four and would like to stay at the beach resort for 7 nights from 3 March.
                --\u{20}
                Ana

                Sent from my iPhone
                """)
        let image = try #require(message.attachments.first)
        #expect(image.filename == "IMG_0042.jpeg")
        #expect(image.contentType == "image/jpeg")
        #expect(image.isInline)
        #expect(image.contentID == "3F1A7E0B-AAAA@home")
        #expect(image.bytes == [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
    }

    @Test func latin1QuotedPrintable() throws {
        let message = try #require(
            MIMEFixture.raw(
                """
                From: =?ISO-8859-1?Q?Jo=E3o_Gon=E7alves?= <joao@exemplo.com.br>
                Subject: =?ISO-8859-1?Q?Or=E7amento_f=E9rias?=
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Ol=E1, gostar=EDamos de um or=E7amento para 2 adultos em Maputo de 12.09.20=
                27 a 19.09.2027.
                """))
        #expect(message.from?.name == "João Gonçalves")
        #expect(message.subject == "Orçamento férias")
        #expect(message.text == "Olá, gostaríamos de um orçamento para 2 adultos em Maputo de 12.09.2027 a 19.09.2027.")
    }

    @Test func windows1252EightBitBody() throws {
        let head = MIMEFixture.eml(
            "From: a@x.com\nSubject: Quote\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\n"
        )
        let body = MIMEFixture.singleByte("We’re “flexible” on dates – budget €9,000… café")
        let message = try InboundParser.raw(head + body)
        #expect(message.text == "We’re “flexible” on dates – budget €9,000… café")
    }

    @Test func encodedSubjectsInBothFormsAndSplitWords() throws {
        let subjects = [
            ("=?UTF-8?B?UXVvdGUgZm9yIFrDvHJpY2g=?=", "Quote for Zürich"),
            ("=?iso-8859-1?q?Devis_pour_l'=EEle_Maurice?=", "Devis pour l'île Maurice"),
            ("=?UTF-8?B?RsOpcmlhcyBlbSBNb8M=?=\n =?UTF-8?B?p2FtYmlxdWU=?=", "Férias em Moçambique"),
            ("Re: =?UTF-8?Q?Safari_?= =?UTF-8?Q?in_Kruger?= next week", "Re: Safari in Kruger next week"),
            ("Plain ASCII subject", "Plain ASCII subject"),
        ]
        for (encoded, decoded) in subjects {
            let message = try #require(MIMEFixture.raw("From: a@x.com\nSubject: \(encoded)\n\nbody"))
            #expect(message.subject == decoded)
        }
    }

    @Test func htmlOnlyMailIsConvertedToText() throws {
        let message = try #require(
            MIMEFixture.raw(
                """
                From: Travel Desk <desk@corp.example>
                Subject: Group booking
                Content-Type: text/html; charset=utf-8

                <html><head><script>alert('x')</script></head><body><h1>Group&nbsp;booking</h1>
                <table><tr><td>Adults</td><td>8</td></tr><tr><td>Budget</td><td>R60&#44;000</td></tr></table>
                <p>Thanks &amp; regards</p></body></html>
                """))
        #expect(message.text == "Group booking\n\nAdults 8\nBudget R60,000\n\nThanks & regards")
        #expect(message.html?.hasPrefix("<html>") == true)
    }
}

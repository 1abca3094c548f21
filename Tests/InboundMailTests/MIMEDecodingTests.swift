import Runtime
import Testing

@testable import InboundMail

@Suite struct MIMEDecodingTests {
    @Test func base64ToleratesLineBreaksAndMissingPadding() {
        #expect(TransferEncoding.base64(Array("SGVs\r\nbG8g\nV29y bGQ=".utf8)) == Array("Hello World".utf8))
        #expect(TransferEncoding.base64(Array("SGVsbG8".utf8)) == Array("Hello".utf8))
        #expect(TransferEncoding.base64(Array("SGk".utf8)) == Array("Hi".utf8))
        #expect(TransferEncoding.base64(Array("!!!*".utf8)) == [])
    }

    @Test func quotedPrintableSoftBreaksAndEscapes() {
        let input = Array("Ol=E1, gostar=\r\n=EDamos =3D sim=  \r\nfim = nada=".utf8)
        #expect(TransferEncoding.quotedPrintable(input) == MIMEFixture.singleByte("Olá, gostaríamos = simfim = nada"))
        #expect(TransferEncoding.quotedPrintable(Array("a=\nb=zz".utf8)) == Array("ab=zz".utf8))
        #expect(TransferEncoding.quotedPrintable(Array("a_b".utf8), underscoreIsSpace: true) == Array("a b".utf8))
    }

    @Test func charsets() {
        #expect(Charset.decode(MIMEFixture.singleByte("Olá"), charset: "ISO-8859-1") == "Olá")
        #expect(
            Charset.decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x85], charset: "windows-1252")
                == "“Hi” €5 – …")
        #expect(Charset.decode([0xA4, 0x31, 0x30, 0x20, 0xBD], charset: "iso-8859-15") == "€10 œ")
        #expect(Charset.decode(Array("Zoë".utf8), charset: "\"utf-8\"") == "Zoë")
        #expect(Charset.decode(Array("Zoë".utf8), charset: "us-ascii") == "Zoë", "8-bit UTF-8 labelled ASCII")
        #expect(Charset.decode([0x5A, 0x6F, 0xEB], charset: "us-ascii") == "Zoë", "8-bit Latin-1 labelled ASCII")
        #expect(Charset.decode([0x41, 0xFF, 0x42], charset: "x-klingon") == "A\u{FFFD}B", "unknown reads as UTF-8")
        #expect(Charset.decode(Array("a\r\nb\rc\0d".utf8), charset: nil) == "a\nb\ncd")
    }

    @Test func encodedWordsInBothForms() {
        #expect(EncodedWord.decode("=?UTF-8?B?T2zDoSwgWm/Dqw==?=") == "Olá, Zoë")
        #expect(EncodedWord.decode("=?ISO-8859-1?Q?Ol=E1_Jo=E3o?=") == "Olá João")
        #expect(EncodedWord.decode("Re: =?utf-8?q?caf=C3=A9?= today") == "Re: café today")
        #expect(EncodedWord.decode("=?windows-1252?Q?=93quoted=94?=") == "“quoted”")
        #expect(EncodedWord.decode("=?UTF-8*pt?Q?ol=C3=A1?=") == "olá", "RFC 2231 language tag")
    }

    @Test func adjacentEncodedWordsJoinWithoutWhitespace() {
        // "Férias em Moçambique" split in two B words, folded; the ç's two bytes are split across the words.
        let first = "=?UTF-8?B?RsOpcmlhcyBlbSBNb8M=?="
        let second = "=?UTF-8?B?p2FtYmlxdWU=?="
        #expect(EncodedWord.decode(first + "\r\n " + second) == "Férias em Moçambique")
        #expect(EncodedWord.decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=  c =?UTF-8?Q?d?=") == "ab  c d")
    }

    @Test func malformedEncodedWordsStayLiteral() {
        #expect(EncodedWord.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(EncodedWord.decode("=?UTF-8?B?unterminated") == "=?UTF-8?B?unterminated")
        #expect(EncodedWord.decode("price =? 5") == "price =? 5")
        #expect(EncodedWord.decode("=?") == "=?")
    }

    @Test func parametersWithRFC2231AndEncodedWords() {
        let simple = MIMEParameters("Attachment; filename=\"Quote; final.pdf\"; size=10")
        #expect(simple.value == "attachment")
        #expect(simple["filename"] == "Quote; final.pdf")
        let extended = MIMEParameters("attachment; filename*=UTF-8''Itiner%C3%A1rio%20%E2%82%AC.pdf; filename=x.pdf")
        #expect(extended["filename"] == "Itinerário €.pdf")
        let continued = MIMEParameters("attachment; filename*0*=ISO-8859-1''Ol%E1; filename*1=\" mundo.txt\"")
        #expect(continued["filename"] == "Olá mundo.txt")
        let outlook = MIMEParameters("application/pdf; name=\"=?UTF-8?B?UmVzZXJ2YcOnw6NvLnBkZg==?=\"")
        #expect(outlook["name"] == "Reserva\u{00E7}\u{00E3}o.pdf")
        let broken = MIMEParameters("text/plain; charset=\"utf-8; format")
        #expect(broken.value == "text/plain")
        #expect(broken["charset"] == "utf-8; format")
    }

    @Test func runtimeDigestMatchesFIPSVectors() {
        #expect(Digest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Digest.sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            Digest.sha256Hex([UInt8](repeating: 0x61, count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func messageIDs() {
        #expect(MessageIDs.all("<a@x> <b@y>\r\n <c@z>") == ["a@x", "b@y", "c@z"])
        #expect(MessageIDs.all("plain@id") == ["plain@id"])
        #expect(MessageIDs.strip(" <CAK+1@mail.gmail.com> ") == "CAK+1@mail.gmail.com")
    }
}

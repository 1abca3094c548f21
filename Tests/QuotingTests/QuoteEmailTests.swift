import Quoting
import Runtime
import SharedPlatform
import Testing

@Suite struct QuoteEmailTests {
    typealias F = EmailFixtures

    static func render(
        _ quote: QuoteView = F.quote(), branding: DocumentBranding = F.branding,
        templates: JSONValue? = nil
    ) throws -> RenderedEmail {
        try QuoteEmail.render(quote, branding: branding, templates: templates)
    }

    /// The acceptance case: hostile customer and hotel names are escaped in HTML and literal in text.
    @Test func hostileNamesAreEscapedInTheHTMLAndLiteralInTheText() throws {
        let hotel = #"Tom & Jerry's "Inn""#
        let quote = F.quote(
            customer: "<script>alert(1)</script>",
            options: [F.option(hotel, rating: 4, adult: 10_000, child: nil, total: 20_000)])
        let email = try Self.render(quote)
        #expect(email.html.contains("Dear &lt;script&gt;alert(1)&lt;/script&gt;,"))
        #expect(email.html.contains("Tom &amp; Jerry&#39;s &quot;Inn&quot;"))
        #expect(!email.html.contains("<script"))
        #expect(!email.html.contains(hotel))
        #expect(email.text.contains("Dear <script>alert(1)</script>,"))
        #expect(email.text.contains(hotel))
        #expect(!email.text.contains("&amp;"))
    }

    @Test func everyOptionTotalAndTheValidUntilDateAreInBothParts() throws {
        let email = try Self.render()
        for total in ["R 25,000.00", "R 31,500.00", "R 40,200.00"] {
            #expect(email.html.contains(total), "\(total) in HTML")
            #expect(email.text.contains("Total: \(total)"), "\(total) in text")
        }
        #expect(email.html.contains("valid until <strong>15 April 2027</strong>"))
        #expect(email.text.contains("This quote is valid until 15 April 2027."))
        // Alternatives are never summed.
        #expect(!email.html.contains("R 96,700.00") && !email.text.contains("R 96,700.00"))
    }

    @Test func theBuiltInBodiesCarryTheTripAndEachOption() throws {
        let email = try Self.render()
        for part in [email.html, email.text] {
            #expect(part.contains("Zoë Ñúñez"))
            #expect(part.contains("12 April 2027 – 19 April 2027"))
            #expect(part.contains("7 nights"))
            #expect(part.contains("2 adults, 1 child"))
            #expect(part.contains("Zanzibar Beach Resort") && part.contains("Spice Island Lodge"))
            #expect(part.contains("Deluxe Sea View") && part.contains("Half board"))
            #expect(part.contains("Per adult sharing") && part.contains("R 12,600.00") && part.contains("Per child"))
            #expect(part.contains("the hotel you asked for"))
            #expect(part.contains("Thandi Mokoena") && part.contains("thandi@acme.example"))
            #expect(part.contains("https://acme.example/q/abc.def"))
        }
        #expect(email.html.contains("★★★★"))
        #expect(email.html.contains("3.5-star"))
        #expect(email.text.contains("Option 2: Spice Island Lodge (3.5-star)"))
        #expect(email.html.contains("background-color:#1A2B3C;padding:24px"), "the primary colour is the header band")
        #expect(email.html.contains(#"<a href="https://acme.example/q/abc.def""#))
    }

    @Test func tagsBalanceForOneTwoAndThreeOptions() throws {
        for count in 1...3 {
            let base = F.quote()
            let html = try Self.render(F.quote(options: Array(base.options.prefix(count)))).html
            #expect(F.count("<table", in: html) == F.count("</table>", in: html))
            #expect(F.count("<tr>", in: html) + F.count("<tr ", in: html) == F.count("</tr>", in: html))
            #expect(F.count("<td", in: html) == F.count("</td>", in: html))
            #expect(F.count("border-top:4px solid", in: html) == count, "one card per option")
            #expect(!html.contains("{{") && !html.contains("}}"))
        }
    }

    @Test func theSignatureKeepsItsLineBreaksAndIsEscaped() throws {
        let email = try Self.render()
        #expect(email.html.contains("Kind regards,<br>The &lt;Acme&gt; Team"))
        #expect(email.text.contains("Kind regards,\nThe <Acme> Team\n"))
        var unsigned = F.branding
        unsigned.emailSignature = ""
        let plain = try Self.render(branding: unsigned)
        #expect(plain.html.contains("Kind regards,<br>Acme Travel"))
        #expect(plain.text.contains("Kind regards,\nAcme Travel\n"))
    }

    @Test func theSubjectNamesTheDestinationAndTheCompany() throws {
        #expect(try Self.render().subject == "Your Zanzibar travel quote from Acme Travel")
        #expect(try Self.render(F.quote(destination: nil)).subject == "Your travel quote from Acme Travel")
        #expect(try Self.render(F.quote(destination: "")).subject == "Your travel quote from Acme Travel")
    }

    /// No value can add a header line, and the subject stays within 300 characters.
    @Test func theSubjectIsOneShortLine() throws {
        let email = try Self.render(F.quote(destination: "Zanzibar\r\nBcc: all@victims.example\n"))
        #expect(email.subject == "Your Zanzibar Bcc: all@victims.example travel quote from Acme Travel")
        var long = F.branding
        long.companyName = String(repeating: "Ä", count: 400)
        let subject = try Self.render(branding: long).subject
        #expect(subject.count == 300)
        #expect(!subject.contains("\n") && !subject.contains("\r"))
        #expect(RenderedEmail.subjectLine(" a\u{2028}b\t\tc\u{85}d ") == "a b c d")
    }

    @Test func aShareLinkIsOnlyOfferedWhenThereIsASafeOne() throws {
        let without = try Self.render(F.quote(shareURL: nil))
        #expect(!without.html.contains("View your quote online"))
        #expect(!without.text.contains("View your quote online"))
        let hostile = try Self.render(F.quote(shareURL: "javascript:alert(1)"))
        #expect(!hostile.html.contains("javascript:"))
        #expect(!hostile.html.contains("View your quote online"))
    }

    @Test func anInvalidColourFallsBackToTheDefault() throws {
        var branding = F.branding
        branding.primaryColor = "red;background-image:url(https://evil.example/x)"
        let html = try Self.render(branding: branding).html
        #expect(!html.contains("evil.example"))
        #expect(html.contains("background-color:#2E86AB;padding:24px"))
    }

    @Test func anItemQuoteInTwoCurrenciesShowsEachTotal() throws {
        let email = try Self.render(F.multiCurrencyQuote)
        for part in [email.html, email.text] {
            #expect(part.contains("R 10,000.00 + $1,200.00"))
            #expect(part.contains("Cape Grace") && part.contains("CPT → ZNZ return"))
            #expect(part.contains("$600.00") && part.contains("R 5,000.00"))
            #expect(part.contains("12 April 2027 – 14 April 2027"))
            #expect(part.contains("Your quote"))
        }
        #expect(email.html.contains("Economy, 2 seats"))
        #expect(email.text.contains("- Cape Grace (12 April 2027 – 14 April 2027): 2 x R 5,000.00 = R 10,000.00"))
        #expect(!email.text.contains("Per adult"))
    }

    @Test func theContextDocumentsWhatTemplatesCanUse() {
        let context = QuoteEmail.context(F.quote(), branding: F.branding)
        #expect(context["trip"]?["check_in"] == .string("12 April 2027"))
        #expect(context["trip"]?["check_in_iso"] == .string("2027-04-12"))
        #expect(context["trip"]?["children_ages"] == .string("9"))
        #expect(context["valid_until_iso"] == .string("2027-04-15"))
        #expect(context["options"]?.array?.count == 3)
        #expect(context["options"]?.array?.first?["total"] == .string("R 25,000.00"))
        #expect(context["options"]?.array?.first?["stars"] == .string("★★★★"))
        #expect(context["company"]?["contact"] == .string("help@acme.example · quotes@acme.example"))
        #expect(context["signature_html"] == .string("Kind regards,<br>The &lt;Acme&gt; Team"))
        #expect(context["multiple_options"] == .bool(true))
    }
}

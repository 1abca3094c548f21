import Quoting
import Runtime
import SharedPlatform
import Testing

/// The quote PDF, rendered for real and read back with `pdfinfo` and `pdftotext`.
@Suite struct QuoteDocumentTests {
    private func render(_ quote: QuoteView, _ branding: DocumentBranding = PDFFixtures.branding())
        throws -> (pdf: [UInt8], text: String, pages: Int) {
        let pdf = try QuotePDF.render(quote, branding: branding)
        PDFTestTools.dump(pdf, "quote-\(quote.options.count)-\(quote.options.first?.items.count ?? 0)")
        let info = try PDFTestTools.info(pdf)
        #expect(info.status == 0, "pdfinfo: \(info.output)")
        return (pdf, PDFTestTools.squeezed(try PDFTestTools.text(pdf)), info.pages ?? 0)
    }

    @Test func aGeneratedQuoteShowsTheCustomerOptionsValidityAndTerms() throws {
        let options = PDFFixtures.threeOptions()
        let quote = PDFFixtures.quote(options: options, message: "Sea view please, ευχαριστώ")
        let (pdf, text, pages) = try render(quote)
        #expect(pages == 1 || pages == 2)
        #expect(try PDFTestTools.info(pdf).field("Title") == "Travel Quote QT-20270329-a1b2c3")
        for expected in [
            "Zoë Ñúñez-Øster", "zoe@example.com", "Κέρκυρα (Corfu)", "Пётр Иванов", "Travel Quote",
            "QT-20270329-a1b2c3",
            "12 April 2027", "19 April 2027", "2 adults, 2 children (ages 1 and 9)", "Sea view please, ευχαριστώ",
            "Choose one option; prices are per option",
            "Option 1: Hôtel Mont-Blanc (5★)", "Option 2: Villa Άλφα (4★)", "Option 3: Гостиница Москва (3.5★)",
            "Room: Deluxe sea view", "Meal plan: Half board", "package price, 7 nights", "Your requested hotel",
            "valid until 15 March 2027", "Deposit of 30% secures the booking. Καλό ταξίδι! Счастливого пути!",
            "hello@acme.example", "Page 1 of \(pages)", "Acme Travel Co",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        for option in options {
            let total = try #require(option.total)
            #expect(text.contains(total.formatted), "missing total \(total.formatted)")
            for item in option.items { #expect(text.contains(item.unit_price.formatted)) }
        }
    }

    @Test func theValidityDateComesFromTheViewNotAConstant() throws {
        let options = [PDFFixtures.option("Hotel", rating: 4, adult: 100_000, child: nil)]
        let fourteen = try render(PDFFixtures.quote(options: options, validDays: 14)).text
        let twentyOne = try render(PDFFixtures.quote(options: options, validDays: 21)).text
        #expect(fourteen.contains("valid until 15 March 2027"))
        #expect(twentyOne.contains("valid until 22 March 2027"))
        #expect(!twentyOne.contains("15 March 2027"))
        #expect(!fourteen.contains("7 days") && !twentyOne.contains("7 days"))
    }

    @Test func twelveOptionsFlowOntoMorePagesWithNothingCutOff() throws {
        let options = (1...12).map {
            PDFFixtures.option("Hotel \($0)", rating: 4, adult: Int64($0) * 100_000 + 1, child: 50_000)
        }
        let (_, text, pages) = try render(PDFFixtures.quote(options: options))
        #expect(pages >= 2)
        for (index, option) in options.enumerated() {
            #expect(text.contains("Option \(index + 1): Hotel \(index + 1)"))
            #expect(text.contains("Option \(index + 1) total \(try #require(option.total).formatted)"))
        }
        #expect(text.contains("Page \(pages) of \(pages)"))
        #expect(text.contains("valid until 15 March 2027"))
    }

    @Test func sixtyItemsMakeATableAcrossPagesWithTotalsPerCurrency() throws {
        let quote = PDFFixtures.itemQuote(count: 60)
        let (_, text, pages) = try render(quote)
        #expect(pages >= 2)
        #expect(text.contains("Quote items"))
        for index in [1, 30, 59, 60] { #expect(text.contains("Item \(index) Component number \(index)")) }
        let totals = try #require(quote.options.first?.totals)
        #expect(totals.count == 2)
        for total in totals { #expect(text.contains("Total (\(total.currency)) \(total.formatted)")) }
        #expect(text.contains("€") && text.contains("₹"))
        #expect(!text.contains("Choose one option"))
    }

    @Test func longTermsContinueOnTheNextPage() throws {
        let terms = (1...220).map { "Clause \($0): the traveller agrees to condition number \($0)." }
            .joined(separator: " ")
        let options = [PDFFixtures.option("Hotel", rating: 4, adult: 100_000, child: nil)]
        let (_, text, pages) = try render(PDFFixtures.quote(options: options), PDFFixtures.branding(terms: terms))
        #expect(pages >= 2)
        for number in [1, 110, 220] { #expect(text.contains("Clause \(number): the traveller agrees")) }
    }

    @Test func aPNGLogoIsDrawnAndANonPNGLogoFallsBackToTheName() throws {
        let options = [PDFFixtures.option("Hotel", rating: 4, adult: 100_000, child: nil)]
        let withLogo = try render(PDFFixtures.quote(options: options), PDFFixtures.branding(logo: PDFFixtures.png))
        #expect(try PDFTestTools.imageCount(withLogo.pdf) == 1)
        let withJPEG = try render(PDFFixtures.quote(options: options), PDFFixtures.branding(logo: PDFFixtures.jpeg))
        #expect(try PDFTestTools.imageCount(withJPEG.pdf) == 0)
        #expect(PDFTestTools.page(try PDFTestTools.text(withJPEG.pdf), 1).contains("Acme Travel Co"))
    }

    @Test func hostileStringsPrintLiterally() throws {
        var quote = PDFFixtures.quote(options: [PDFFixtures.option("<i>Hotel</i> & Spa", rating: 4, adult: 100_000,
                                                                   child: nil)],
                                      message: "<b>bold</b> & <script>alert(1)</script>")
        quote.customerName = "<script>alert(1)</script>"
        let text = try render(quote).text
        #expect(text.contains("<b>bold</b> & <script>alert(1)</script>"))
        #expect(text.contains("Option 1: <i>Hotel</i> & Spa (4★)"))
        #expect(text.contains("PREPARED FOR YOUR TRIP <script>alert(1)</script> Destination"))
    }

    @Test func aQuoteWithoutOptionsStillRenders() throws {
        let (_, text, pages) = try render(PDFFixtures.quote(options: []))
        #expect(pages == 1)
        #expect(text.contains("still being prepared"))
    }

    @Test func daysAreSpelledOutForPeople() {
        #expect(Day(year: 2027, month: 4, day: 12)?.formatted == "12 April 2027")
        #expect(Day(year: 2028, month: 2, day: 29)?.formatted == "29 February 2028")
        #expect(Day(year: 1999, month: 12, day: 1)?.formatted == "1 December 1999")
    }
}

import InboundMail
import Runtime
import Testing

/// Seeded random input: the extractor never traps and stays fast, whatever it is fed.
@Suite struct ExtractFuzzTests {
    /// SplitMix64: a small deterministic generator, so a failure can be replayed from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "2027-08-15", "15/08/2027", "12.09.2027", "R60,000", "$9k", "€", "£4.5k", "2 adults",
        "children (ages 7 and 10)",
        "family of four", "Zanzibar", "Zanzibr", "Cape Town", "Capetown", "from 3rd to the", "6th of June", "-", "to",
        "between", "and", "nights", "a week", "Regards,\n", "I'm ", "Name:", "@", "+27 82 555 1234", "(", ")", ":",
        "stay at the", "Hotel", "März", "août", "de", "bis", "\n> ", "On Mon wrote:\n", "---------- Forwarded message",
        "999999999999999999999", "0", "k", "m", "aged", "baby of", "months", "per person", "\u{0}", "🏝️", "é", "ß",
        "\u{200B}", "\u{202E}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "中文", "العربية", "\r\n", "\t", " ", ".", ",", "'", "’",
    ]

    @Test func fiveThousandRandomInputsNeverTrapAndStayFast() {
        var generator = SeededGenerator(state: 0x5EED_2027)
        var slowest: Duration = .zero
        let clock = ContinuousClock()
        for round in 0..<5_000 {
            var text = ""
            let pieces = round % 500 == 0 ? 4_000 : Int.random(in: 0...60, using: &generator)
            for _ in 0..<pieces {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0:
                    text += Self.fragments.randomElement(using: &generator) ?? ""
                case 1:
                    let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator)) ?? "?"
                    text.unicodeScalars.append(scalar)
                case 2:
                    text += String(Int.random(in: 0...99_999, using: &generator))
                default:
                    text += " "
                }
            }
            let subject = String(text.prefix(Int.random(in: 0...80, using: &generator)))
            let started = clock.now
            let trip = ExtractFixtures.extract(text, subject: subject, fromName: subject, fromEmail: "a@b.example")
            slowest = max(slowest, clock.now - started)
            #expect(trip.adults.map { $0 > 0 && $0 <= 60 } ?? true)
            #expect(trip.budget.map { $0.amount > 0 } ?? true)
        }
        print("extractor fuzz: 5000 inputs, slowest \(slowest)")
        #expect(slowest < .seconds(2))
    }

    @Test func hugeInputsAreTruncatedAndFast() {
        let clock = ContinuousClock()
        let line = "We are 2 adults going to Zanzibar from 10-17 September 2027, budget R60,000. "
        let huge = String(repeating: line, count: 20_000)  // ~1.6 MB
        let started = clock.now
        let trip = ExtractFixtures.extract(huge, subject: String(repeating: "x", count: 100_000))
        #expect(clock.now - started < .seconds(5))
        #expect(trip.destination == "Zanzibar")
        #expect(trip.checkIn == ExtractFixtures.day("2027-09-10"))
        let noSpaces = String(repeating: "9", count: 200_000) + String(repeating: "a", count: 200_000)
        _ = ExtractFixtures.extract(noSpaces, subject: noSpaces)
    }
}

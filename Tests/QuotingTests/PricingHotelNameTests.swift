@testable import Quoting
import Testing

/// Rule 8: matching the hotel a customer asked for against a hotel's name.
@Suite struct PricingHotelNameTests {
    @Test(arguments: [
        ("serena", "Zanzibar Serena Hotel", true),
        ("Zanzibar Serena Hotel", "Serena Inn", true),
        ("SÉRÉNA", "Zanzibar Serena Hotel", true),
        ("serana", "Zanzibar Serena Hotel", true),
        ("Mnmba", "Mnemba Island Lodge", true),
        ("The Palms", "Palms & Spa Resort", true),
        ("Baraza 5-star", "Baraza Resort & Spa", true),
        ("Baraza 5 stars", "Baraza Resort & Spa", true),
        ("Château Élysée", "Chateau Elysee", true),
        ("Zuri", "Zuri Zanzibar", true),
        ("Zuru", "Zuri Zanzibar", false),
        ("Breezes", "Zanzibar Serena Hotel", false),
        ("Hotel", "Hotel Verde", false),
        ("5* Beach Resort", "Beach Resort", false),
        ("", "Serena", false),
        ("serena beach", "Zanzibar Serena Hotel", true),
        ("serena palace", "Zanzibar Serena Hotel", false),
    ])
    func matches(_ requested: String, _ hotel: String, _ expected: Bool) {
        #expect(HotelNameMatch.matches(requested: requested, hotel: hotel) == expected)
    }

    @Test(arguments: [
        ("Zanzibar Serena Hotel", ["zanzibar", "serena"]),
        ("The Residence 5* Resort & Spa", ["residence"]),
        ("Ngorongoro Crater-Lodge (by &Beyond)", ["ngorongoro", "crater", "beyond"]),
        ("Hôtel Ça Va, Île 4★", ["ca", "va", "ile"]),
        ("Straße 3-Stars", ["strasse"]),
    ])
    func words(_ name: String, _ expected: [String]) {
        #expect(HotelNameMatch.words(name) == expected)
    }
}

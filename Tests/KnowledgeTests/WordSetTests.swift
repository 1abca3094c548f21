@testable import Knowledge
import Testing

/// ``WordSet``: the word sets behind MMR's and the extractive answer's Jaccard similarity.
struct WordSetTests {
    @Test func wordsAreCaseInsensitiveDistinctAndAtLeastThreeLong() {
        let set = WordSet("Check-in is at 14:00; CHECK-IN at the Lodge, check in at 2 pm.")
        // check, in(dropped), is(dropped), at(dropped), 14, 00 (dropped: 2 digits), the, lodge, pm(dropped)
        #expect(set == WordSet("lodge THE check"))
        #expect(set.count == 3)
        #expect(WordSet("a an of 12").count == 0)
    }

    @Test func jaccardCountsSharedWordsOverAllWords() {
        let a = WordSet("sunset dhow cruise from Stone Town")
        let b = WordSet("dhow cruise at sunset near Nungwi")
        // shared: sunset, dhow, cruise (3); all: sunset, dhow, cruise, from, stone, town, near, nungwi (8)
        #expect(a.jaccard(b) == 3.0 / 8.0)
        #expect(a.jaccard(a) == 1)
        #expect(a.jaccard(WordSet("kids club hours")) == 0)
        #expect(WordSet("").jaccard(WordSet("")) == 0)
    }

    @Test func nonASCIILettersAndDigitsMakeWords() {
        let set = WordSet("Séjour à Zürich — Ωmega 123")
        #expect(set == WordSet("séjour ZÜRICH ωmega 123"))
        #expect(set.count == 4)
        #expect(WordSet("Séjour").jaccard(WordSet("Sejour")) == 0)
    }
}

/// A text's distinct words (lower-cased, three letters or digits or more) as sorted 64-bit FNV-1a hashes, for the
/// Jaccard similarity MMR and the extractive answer's near-duplicate test compute many times per search.
///
/// Sorted hashes make a comparison one merge with no allocation; a `Set<Substring>` union and intersection per pair
/// (Unicode-normalised hashing, two new sets) was most of a search's CPU time at 50 candidates. Two different words
/// sharing a hash (about 1 in 10¹⁶ per pair) would only nudge one similarity.
struct WordSet: Equatable {
    let hashes: [UInt64]

    init(_ text: String) {
        var hashes: [UInt64] = []
        var hash = Self.offsetBasis
        var length = 0
        for scalar in text.lowercased().unicodeScalars {
            if Self.isWordScalar(scalar) {
                hash = (hash ^ UInt64(scalar.value)) &* Self.prime
                length += 1
            } else {
                if length >= 3 { hashes.append(hash) }
                hash = Self.offsetBasis
                length = 0
            }
        }
        if length >= 3 { hashes.append(hash) }
        hashes.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(hashes.count)
        for value in hashes where distinct.last != value { distinct.append(value) }
        self.hashes = distinct
    }

    var count: Int { hashes.count }

    /// |A ∩ B| / |A ∪ B|; 0 when both are empty.
    func jaccard(_ other: WordSet) -> Double {
        var i = 0, j = 0, common = 0
        let a = hashes, b = other.hashes
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Letters and digits: an ASCII fast path, Unicode properties otherwise.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}

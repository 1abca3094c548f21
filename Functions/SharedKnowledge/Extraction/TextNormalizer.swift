/// Character-level cleaning shared by every format.
enum TextNormalizer {
    /// Collapses runs of whitespace (spaces, tabs, no-break and other Unicode spaces) into one space, drops control
    /// and zero-width characters, and trims.
    static func collapse(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isInvisible(scalar) { continue }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Normalises line breaks to `\n` and removes NULs and other controls except `\n`, `\t` and form feed.
    static func lines(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\r" { result.append("\n"); continue }
            if scalar == "\n" { if !previousCR { result.append("\n") }; continue }
            if scalar == "\t" || scalar == "\u{0C}" { result.append(scalar); continue }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            if scalar == "\u{2028}" || scalar == "\u{2029}" { result.append("\n"); continue }
            result.append(scalar)
        }
        return String(result)
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD].contains(scalar.value)
    }
}

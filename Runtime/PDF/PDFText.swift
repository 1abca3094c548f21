/// Text preparation shared by every drawing call.
enum PDFText {
    /// `text` fit for pango and the PDF info dictionary: CR LF and CR become LF, NUL and other C0/C1 control
    /// characters (except tab and LF) are dropped. Swift strings are valid UTF-8, which pango requires.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\r" {
                result.append("\n")
            } else if scalar == "\n" {
                if !previousWasCR { result.append(scalar) }
            } else if scalar == "\t" || !isControl(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension String {
    /// The string without trailing spaces and tabs.
    var trimmingTrailingBlanks: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}

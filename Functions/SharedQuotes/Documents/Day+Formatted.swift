public import Runtime

extension Day {
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// For people, in documents and emails: `12 April 2027` (day without padding, English month name, year).
    public var formatted: String {
        let (year, month, day) = components
        return "\(day) \(Self.monthNames[month - 1]) \(year)"
    }
}

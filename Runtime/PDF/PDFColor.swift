/// An opaque RGB colour with components in 0…1, as cairo takes them.
public struct PDFColor: Sendable, Hashable {
    /// Red, 0…1.
    public var red: Double
    /// Green, 0…1.
    public var green: Double
    /// Blue, 0…1.
    public var blue: Double

    /// Components are clamped to 0…1.
    public init(red: Double, green: Double, blue: Double) {
        self.red = min(max(red, 0), 1)
        self.green = min(max(green, 0), 1)
        self.blue = min(max(blue, 0), 1)
    }

    /// Parses `#RRGGBB` or `#RGB` (the `#` optional, hex digits in either case); `nil` for anything else.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.first == "#" { digits = digits.dropFirst() }
        guard digits.count == 6 || digits.count == 3, digits.allSatisfy(\.isHexDigit),
              var value = Int(digits, radix: 16) else { return nil }
        if digits.count == 3 {
            let (r, g, b) = (value >> 8 & 0xF, value >> 4 & 0xF, value & 0xF)
            value = (r * 17) << 16 | (g * 17) << 8 | b * 17
        }
        self.init(red: Double(value >> 16 & 0xFF) / 255, green: Double(value >> 8 & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }

    /// `#000000`.
    public static let black = PDFColor(red: 0, green: 0, blue: 0)
    /// `#FFFFFF`.
    public static let white = PDFColor(red: 1, green: 1, blue: 1)

    /// A neutral grey: 0 is black, 1 is white.
    public static func gray(_ level: Double) -> PDFColor { PDFColor(red: level, green: level, blue: level) }

    /// This colour moved `fraction` (0…1) of the way towards `other`; `mixed(with: .white, 0.85)` is a light tint.
    public func mixed(with other: PDFColor, _ fraction: Double) -> PDFColor {
        let t = min(max(fraction, 0), 1)
        return PDFColor(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
                        blue: blue + (other.blue - blue) * t)
    }

    /// Whether dark text reads better than white text on this colour (relative luminance above 0.5).
    public var isLight: Bool { 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.5 }
}

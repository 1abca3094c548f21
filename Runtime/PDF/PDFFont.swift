/// A font request for pango: family, size in points, weight and slant. fontconfig falls back to another installed
/// font for any character the family lacks, so any Unicode text renders.
public struct PDFFont: Sendable, Hashable {
    /// Bold or regular.
    public enum Weight: Sendable, Hashable {
        case regular
        case bold
    }

    /// The family installed with the platform (Debian `fonts-dejavu-core`): Latin, Greek, Cyrillic, most currency
    /// symbols and ★.
    public static let defaultFamily = "DejaVu Sans"

    /// A fontconfig family name, e.g. `DejaVu Sans`.
    public var family: String
    /// Size in points (clamped to 1…500 when used).
    public var size: Double
    /// Regular or bold.
    public var weight: Weight
    /// Italic when `true`.
    public var italic: Bool

    /// A font of `family` at `size` points.
    public init(family: String = PDFFont.defaultFamily, size: Double, weight: Weight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }

    /// The default family at `size`, regular.
    public static func regular(_ size: Double) -> PDFFont { PDFFont(size: size) }

    /// The default family at `size`, bold.
    public static func bold(_ size: Double) -> PDFFont { PDFFont(size: size, weight: .bold) }

    /// The default family at `size`, italic.
    public static func italic(_ size: Double) -> PDFFont { PDFFont(size: size, italic: true) }
}

/// Horizontal alignment of text within its width.
public enum PDFAlignment: Sendable, Hashable {
    case left
    case center
    case right
}

/// Document information shown by PDF viewers (`pdfinfo`'s Title, Author, Subject).
public struct PDFMetadata: Sendable, Hashable {
    /// The document title; empty leaves it unset (as do the other fields).
    public var title: String
    /// Who made it (the tenant's company name).
    public var author: String
    /// What it is about.
    public var subject: String

    /// Metadata with the given fields (empty ones are not written).
    public init(title: String = "", author: String = "", subject: String = "") {
        self.title = title
        self.author = author
        self.subject = subject
    }
}

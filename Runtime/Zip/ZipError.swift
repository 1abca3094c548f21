/// Why a ZIP archive was refused. Descriptions name the problem and, at most, an entry name; never contents.
public struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, stable for callers that map it to a user-facing reason.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case malformed, unsupported, tooLarge = "too_large", corrupt, missingEntry = "missing_entry"
        }
        private let value: Value
        /// The bytes are not a well-formed ZIP archive (no end record, offsets out of range, bad signatures).
        public static var malformed: Code { Code(value: .malformed) }
        /// A feature this reader refuses: ZIP64, encryption, multi-disk archives, methods other than stored/deflate.
        public static var unsupported: Code { Code(value: .unsupported) }
        /// A limit of ``ZipLimits`` was exceeded (entry count, entry size, total size, compression ratio).
        public static var tooLarge: Code { Code(value: .tooLarge) }
        /// An entry's data does not inflate, or does not match its recorded size or CRC-32.
        public static var corrupt: Code { Code(value: .corrupt) }
        /// The archive has no entry of the requested name.
        public static var missingEntry: Code { Code(value: .missingEntry) }
        public var description: String { value.rawValue }
    }

    public let code: Code
    /// A short explanation, safe to show to the person who uploaded the archive.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "zip \(code): \(message)" }
}

/// Bounds that protect the reader from hostile archives ("zip bombs"): checked against the sizes the central
/// directory declares *and* enforced while inflating, so a lying header cannot get past them.
public struct ZipLimits: Sendable, Equatable {
    /// The most entries in the central directory.
    public var maxEntries: Int
    /// The largest uncompressed size of one entry.
    public var maxEntryBytes: Int
    /// The largest total uncompressed size of the entries actually read.
    public var maxTotalBytes: Int
    /// The highest uncompressed ÷ compressed ratio allowed for an entry larger than 1 MiB.
    public var maxRatio: Int

    /// Defaults that suit office documents: 10,000 entries, 64 MiB per entry, 256 MiB read in total, ratio 200.
    public init(maxEntries: Int = 10_000, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 256 << 20,
                maxRatio: Int = 200) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
    }
}

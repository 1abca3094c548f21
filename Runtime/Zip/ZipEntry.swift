/// One file of an archive as its central directory describes it.
public struct ZipEntry: Sendable, Equatable {
    /// How the entry's bytes are stored.
    public enum Method: Sendable, Equatable {
        case stored
        case deflated
    }

    /// The entry's path inside the archive, decoded as UTF-8 (invalid bytes become U+FFFD).
    public let name: String
    public let method: Method
    /// CRC-32 of the uncompressed bytes.
    public let crc32: UInt32
    public let compressedSize: Int
    public let uncompressedSize: Int
    /// Offset of the entry's local file header from the start of the archive.
    let localHeaderOffset: Int

    /// True for directory entries (names ending in `/`).
    public var isDirectory: Bool { name.hasSuffix("/") }
}

/// Little-endian field reads that return nil instead of trapping when `offset` runs past the end.
extension [UInt8] {
    func uint16(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }
}

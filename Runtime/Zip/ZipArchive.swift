/// A read-only view of a ZIP archive held in memory (PKWARE APPNOTE 6.3): the central directory is parsed at
/// once; entries are inflated on demand.
///
/// Supports stored and deflated entries. Refuses, with a ``ZipError``, rather than guesses: ZIP64, encryption,
/// split archives, other methods, offsets or sizes outside the data, and anything over ``ZipLimits``. Never traps
/// on any input. A value type with no shared state.
public struct ZipArchive: Sendable {
    /// The entries in central-directory order.
    public let entries: [ZipEntry]
    private let data: [UInt8]
    private let limits: ZipLimits

    /// Parses the central directory of `data`.
    /// - Throws: ``ZipError`` `malformed`, `unsupported` or `too_large`.
    public init(_ data: [UInt8], limits: ZipLimits = ZipLimits()) throws(ZipError) {
        self.data = data
        self.limits = limits
        let end = try Self.endRecord(in: data)
        guard let disk = data.uint16(at: end + 4), let directoryDisk = data.uint16(at: end + 6),
              let count = data.uint16(at: end + 10), let size = data.uint32(at: end + 12),
              let offset = data.uint32(at: end + 16)
        else { throw ZipError(.malformed, "The archive's end record is truncated.") }
        guard disk == 0, directoryDisk == 0 else { throw ZipError(.unsupported, "Split ZIP archives are not supported.") }
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw ZipError(.unsupported, "ZIP64 archives are not supported.")
        }
        guard count <= limits.maxEntries else { throw ZipError(.tooLarge, "The archive has more than \(limits.maxEntries) entries.") }
        guard offset + size <= end else { throw ZipError(.malformed, "The central directory lies outside the archive.") }
        var entries: [ZipEntry] = []
        var cursor = offset
        for _ in 0..<count {
            let (entry, next) = try Self.directoryEntry(in: data, at: cursor, limits: limits)
            entries.append(entry)
            cursor = next
        }
        self.entries = entries
    }

    /// The first entry named exactly `name`.
    public func entry(named name: String) -> ZipEntry? { entries.first { $0.name == name } }

    /// The uncompressed bytes of the entry named `name`.
    /// - Throws: ``ZipError`` `missing_entry`, or as ``contents(of:)``.
    public func contents(named name: String) throws(ZipError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw ZipError(.missingEntry, "The archive has no \(name).") }
        return try contents(of: entry)
    }

    /// The uncompressed bytes of `entry`, checked against its recorded size and CRC-32.
    /// - Throws: ``ZipError`` `malformed` (bad local header), `corrupt` (inflate error, size or CRC mismatch),
    ///   `too_large` (over the limits while inflating).
    public func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        let header = entry.localHeaderOffset
        guard data.uint32(at: header) == 0x0403_4b50, let nameLength = data.uint16(at: header + 26),
              let extraLength = data.uint16(at: header + 28)
        else { throw ZipError(.malformed, "An entry's local header is missing or truncated.") }
        let start = header + 30 + nameLength + extraLength
        guard start <= data.count, entry.compressedSize <= data.count - start else {
            throw ZipError(.malformed, "An entry's data runs past the end of the archive.")
        }
        let compressed = data[start..<(start + entry.compressedSize)]
        let bytes: [UInt8]
        switch entry.method {
        case .stored:
            bytes = Array(compressed)
        case .deflated:
            bytes = try Inflate.raw(compressed, expectedSize: entry.uncompressedSize)
        }
        guard bytes.count == entry.uncompressedSize else { throw ZipError(.corrupt, "An entry is shorter than recorded.") }
        guard CRC32.checksum(bytes) == entry.crc32 else { throw ZipError(.corrupt, "An entry fails its CRC-32 check.") }
        return bytes
    }

    /// Reads the entries named `names` together, enforcing ``ZipLimits/maxTotalBytes`` over all of them.
    public func contents(ofAll names: [String]) throws(ZipError) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        var total = 0
        for name in names {
            guard let entry = entry(named: name) else { continue }
            total += entry.uncompressedSize
            guard total <= limits.maxTotalBytes else { throw ZipError(.tooLarge, "The archive expands to too much data.") }
            result[name] = try contents(of: entry)
        }
        return result
    }

    /// Finds the end-of-central-directory record, searching back over a comment of up to 65,535 bytes.
    private static func endRecord(in data: [UInt8]) throws(ZipError) -> Int {
        guard data.count >= 22 else { throw ZipError(.malformed, "The file is too short to be a ZIP archive.") }
        var position = data.count - 22
        let lowest = max(0, data.count - 22 - 65_535)
        while position >= lowest {
            if data.uint32(at: position) == 0x0605_4b50, let comment = data.uint16(at: position + 20),
               position + 22 + comment == data.count {
                return position
            }
            position -= 1
        }
        throw ZipError(.malformed, "The file has no ZIP end record.")
    }

    private static func directoryEntry(in data: [UInt8], at offset: Int, limits: ZipLimits) throws(ZipError)
        -> (ZipEntry, Int)
    {
        guard data.uint32(at: offset) == 0x0201_4b50, let flags = data.uint16(at: offset + 8),
              let method = data.uint16(at: offset + 10), let crc = data.uint32(at: offset + 16),
              let compressed = data.uint32(at: offset + 20), let uncompressed = data.uint32(at: offset + 24),
              let nameLength = data.uint16(at: offset + 28), let extraLength = data.uint16(at: offset + 30),
              let commentLength = data.uint16(at: offset + 32), let local = data.uint32(at: offset + 42),
              offset + 46 + nameLength <= data.count
        else { throw ZipError(.malformed, "The central directory is damaged.") }
        let name = String(decoding: data[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
        guard flags & 0x1 == 0 else { throw ZipError(.unsupported, "Encrypted ZIP entries are not supported.") }
        guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
            throw ZipError(.unsupported, "ZIP64 entries are not supported.")
        }
        let kind: ZipEntry.Method
        switch method {
        case 0: kind = .stored
        case 8: kind = .deflated
        default: throw ZipError(.unsupported, "An entry uses an unsupported compression method (\(method)).")
        }
        guard uncompressed <= limits.maxEntryBytes else {
            throw ZipError(.tooLarge, "An entry expands to more than \(limits.maxEntryBytes) bytes.")
        }
        if uncompressed > 1 << 20, uncompressed / max(compressed, 1) > limits.maxRatio {
            throw ZipError(.tooLarge, "An entry is compressed suspiciously well (a ZIP bomb?).")
        }
        if kind == .stored, compressed != uncompressed {
            throw ZipError(.malformed, "A stored entry's sizes disagree.")
        }
        let entry = ZipEntry(name: name, method: kind, crc32: UInt32(truncatingIfNeeded: crc), compressedSize: compressed,
                             uncompressedSize: uncompressed, localHeaderOffset: local)
        return (entry, offset + 46 + nameLength + extraLength + commentLength)
    }
}

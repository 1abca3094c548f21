/// Builds a small ZIP archive in memory, stored or deflated entries (no ZIP64). Used to make DOCX fixtures in
/// tests and to produce archives the reader must refuse; not meant for large outputs.
public struct ZipWriter: Sendable {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    /// Appends an entry named `name` holding `contents`, deflated when `deflate` is true (stored otherwise).
    /// `declaredSize` overrides the recorded uncompressed size, to build lying archives in tests.
    public mutating func add(_ name: String, _ contents: [UInt8], deflate: Bool = true, declaredSize: Int? = nil) {
        let packed = deflate ? Deflate.compress(contents) ?? contents : contents
        let method = deflate && packed != contents ? 8 : 0
        let crc = CRC32.checksum(contents)
        let nameBytes = Array(name.utf8)
        let offset = body.count
        var local: [UInt8] = []
        Self.put32(&local, 0x0403_4b50)
        Self.put16(&local, 20); Self.put16(&local, 0x0800); Self.put16(&local, method)
        Self.put16(&local, 0); Self.put16(&local, 0x21)
        Self.put32(&local, Int(crc)); Self.put32(&local, packed.count); Self.put32(&local, declaredSize ?? contents.count)
        Self.put16(&local, nameBytes.count); Self.put16(&local, 0)
        body += local + nameBytes + packed
        var central: [UInt8] = []
        Self.put32(&central, 0x0201_4b50)
        Self.put16(&central, 20); Self.put16(&central, 20); Self.put16(&central, 0x0800); Self.put16(&central, method)
        Self.put16(&central, 0); Self.put16(&central, 0x21)
        Self.put32(&central, Int(crc)); Self.put32(&central, packed.count); Self.put32(&central, declaredSize ?? contents.count)
        Self.put16(&central, nameBytes.count); Self.put16(&central, 0); Self.put16(&central, 0)
        Self.put16(&central, 0); Self.put16(&central, 0); Self.put32(&central, 0); Self.put32(&central, offset)
        directory += central + nameBytes
        count += 1
    }

    /// The complete archive: entries, central directory and end record.
    public var bytes: [UInt8] {
        var end: [UInt8] = []
        Self.put32(&end, 0x0605_4b50)
        Self.put16(&end, 0); Self.put16(&end, 0); Self.put16(&end, count); Self.put16(&end, count)
        Self.put32(&end, directory.count); Self.put32(&end, body.count); Self.put16(&end, 0)
        return body + directory + end
    }

    private static func put16(_ bytes: inout [UInt8], _ value: Int) {
        bytes += [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }

    private static func put32(_ bytes: inout [UInt8], _ value: Int) {
        put16(&bytes, value & 0xFFFF)
        put16(&bytes, (value >> 16) & 0xFFFF)
    }
}

internal import CZlib

/// Raw DEFLATE (RFC 1951) through zlib, as ZIP entries store it. Output is bounded: inflating stops with an error
/// as soon as it would exceed the size the archive declared, so a lying header cannot exhaust memory.
enum Inflate {
    /// Inflates `input`, which must expand to exactly `expectedSize` bytes.
    /// - Throws: ``ZipError`` `corrupt` for invalid data or a size mismatch.
    static func raw(_ input: ArraySlice<UInt8>, expectedSize: Int) throws(ZipError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError(.corrupt, "The decompressor could not start.")
        }
        defer { inflateEnd(&stream) }
        // One spare byte detects data that expands past the declared size.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        var source = Array(input)
        let status: Int32 = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                var status = Z_OK
                while status == Z_OK {
                    status = inflate(&stream, Z_NO_FLUSH)
                    if status == Z_OK, stream.avail_out == 0 || stream.avail_in == 0 { break }
                }
                return status
            }
        }
        let produced = Int(stream.total_out)
        guard status == Z_STREAM_END else {
            if produced > expectedSize { throw ZipError(.corrupt, "An entry expands past its recorded size.") }
            throw ZipError(.corrupt, "An entry's compressed data is damaged.")
        }
        guard produced == expectedSize else { throw ZipError(.corrupt, "An entry does not expand to its recorded size.") }
        output.removeLast(output.count - produced)
        return output
    }
}

/// Raw DEFLATE compression through zlib: what ``ZipWriter`` stores for `.deflated` entries (tests and fixtures).
public enum Deflate {
    /// Compresses `input` as a raw DEFLATE stream at `level` (0–9, default 6). Returns nil only if zlib fails.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var source = input
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 16)
        let status: Int32 = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }
}

/// CRC-32 (ISO 3309, as ZIP uses it) through zlib.
public enum CRC32 {
    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}

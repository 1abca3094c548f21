import RuntimeZip
import Testing

/// RuntimeZip's reader (kept here: RuntimeTests does not depend on RuntimeZip).
@Suite struct ZipArchiveTests {
    @Test(arguments: [false, true]) func readsStoredAndDeflatedEntries(deflate: Bool) throws {
        var writer = ZipWriter()
        let text = Array(String(repeating: "Zanzibar beaches ", count: 200).utf8)
        writer.add("a/b.txt", text, deflate: deflate)
        writer.add("empty", [], deflate: deflate)
        let archive = try ZipArchive(writer.bytes)
        #expect(archive.entries.map(\.name) == ["a/b.txt", "empty"])
        #expect(archive.entries[0].method == (deflate ? .deflated : .stored))
        #expect(try archive.contents(named: "a/b.txt") == text)
        #expect(try archive.contents(named: "empty") == [])
    }

    @Test func refusesZipBombsBeforeInflating() {
        var writer = ZipWriter()
        writer.add("bomb", [UInt8](repeating: 0, count: 20 << 20))
        #expect(throws: ZipError.self) { try ZipArchive(writer.bytes) }
        var big = ZipWriter()
        big.add("big", [UInt8](repeating: 7, count: 2 << 20), deflate: false)
        #expect(throws: ZipError.self) { try ZipArchive(big.bytes, limits: ZipLimits(maxEntryBytes: 1 << 20)) }
    }

    @Test func aLyingSizeIsCaughtWhileInflating() throws {
        var writer = ZipWriter()
        writer.add("liar", [UInt8](repeating: 1, count: 5000), declaredSize: 100)
        let archive = try ZipArchive(writer.bytes)
        let error = try #require(throws: ZipError.self) { try archive.contents(named: "liar") }
        #expect(error.code == .corrupt)
    }

    @Test func damagedDataFailsTheCRCOrInflate() throws {
        var writer = ZipWriter()
        writer.add("x", Array("hello hello hello hello".utf8), deflate: false)
        var bytes = writer.bytes
        bytes[31] ^= 0xFF  // first data byte after the 30-byte header and 1-byte name
        #expect(throws: ZipError.self) { try ZipArchive(bytes).contents(named: "x") }
    }

    @Test func encryptedAndUnknownMethodsAreRefused() {
        var writer = ZipWriter()
        writer.add("x", Array("data".utf8), deflate: false)
        var encrypted = writer.bytes
        let central = encrypted.count - 22 - 47  // central header of the only entry (46 + 1-byte name)
        encrypted[central + 8] |= 1
        #expect(throws: ZipError.self) { try ZipArchive(encrypted) }
        var method = writer.bytes
        method[central + 10] = 12
        #expect(throws: ZipError.self) { try ZipArchive(method) }
    }

    @Test func truncatedOrRandomBytesNeverTrap() {
        var writer = ZipWriter()
        writer.add("word/document.xml", Array(String(repeating: "<w:p>x</w:p>", count: 50).utf8))
        let bytes = writer.bytes
        for cut in 0..<bytes.count { _ = try? ZipArchive(Array(bytes.prefix(cut))).contents(named: "word/document.xml") }
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 0xA5
            _ = try? ZipArchive(flipped).contents(named: "word/document.xml")
        }
        #expect(throws: ZipError.self) { try ZipArchive([]) }
    }

    @Test func deflateRoundTrips() throws {
        let input = Array(String(repeating: "abc", count: 1000).utf8)
        let packed = try #require(Deflate.compress(input))
        #expect(packed.count < input.count)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}

import Glibc
import Knowledge
import Testing

@Suite struct KnowledgeFileStorageTests {
    @Test func writesAtomicallyPerScopeReadsBackAndRemoves() throws {
        var template = Array("/tmp/knowledge-storage-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let path = mkdtemp(base) else { return nil }
            return String(cString: path)
        }
        let root = try #require(created)
        defer {
            rmdir(root + "/acme")
            rmdir(root + "/_global")
            rmdir(root)
        }
        let storage = KnowledgeFileStorage(root: root)
        let id = "0b6f3c1e-4a57-4c8e-9d11-2f0a9a1d7e55"
        let path = try storage.write(Array("hello".utf8), scope: KnowledgeScope.tenant("acme"), id: id)
        #expect(path == "acme/" + id)
        #expect(try storage.read(path) == Array("hello".utf8))
        let global = try storage.write([1, 2, 3], scope: KnowledgeScope.global, id: id)
        #expect(global == "_global/" + id)
        #expect(throws: (any Error).self) { try storage.read("../etc/passwd") }
        storage.remove(path)
        storage.remove(global)
        #expect(throws: (any Error).self) { try storage.read(path) }
    }
}

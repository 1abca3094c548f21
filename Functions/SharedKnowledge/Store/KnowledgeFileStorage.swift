internal import Glibc
internal import Runtime

/// Originals kept in `KNOWLEDGE_DIR` instead of `knowledge_files`: `<dir>/<tenant or _global>/<document id>`,
/// written to a temporary name, fsync'ed and renamed into place, so a reader never sees half a file.
public struct KnowledgeFileStorage: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// The path relative to the root recorded in `knowledge_documents.storage_path`.
    static func relativePath(scope: KnowledgeScope, id: String) -> String { scope.directoryName + "/" + id }

    /// Writes `bytes` atomically; returns the relative path.
    public func write(_ bytes: [UInt8], scope: KnowledgeScope, id: String) throws -> String {
        let directory = root + "/" + scope.directoryName
        if mkdir(root, 0o700) != 0, errno != EEXIST { throw failure("create the storage directory") }
        if mkdir(directory, 0o700) != 0, errno != EEXIST { throw failure("create the tenant directory") }
        let relative = Self.relativePath(scope: scope, id: id)
        let temporary = root + "/" + relative + ".tmp-" + RequestID.generate()
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("open a file") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress.map { $0 + written }, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                close(fd)
                unlink(temporary)
                throw failure("write a file")
            }
            written += count
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, root + "/" + relative) == 0 else {
            unlink(temporary)
            throw failure("store a file")
        }
        return relative
    }

    /// The bytes at `relative` (a path this type wrote; anything with `..` is refused).
    public func read(_ relative: String) throws -> [UInt8] {
        guard !relative.split(separator: "/").contains(".."), !relative.hasPrefix("/") else { throw failure("read a file") }
        guard let file = fopen(root + "/" + relative, "rb") else { throw failure("read a file") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        guard ferror(file) == 0 else { throw failure("read a file") }
        return bytes
    }

    /// Removes the file at `relative`, if present.
    public func remove(_ relative: String) {
        guard !relative.split(separator: "/").contains("..") else { return }
        unlink(root + "/" + relative)
    }

    private func failure(_ action: String) -> StorageError {
        StorageError(message: "cannot \(action) in KNOWLEDGE_DIR: " + String(cString: strerror(errno)))
    }
}

/// A file-system failure of ``KnowledgeFileStorage`` (a platform problem: logged, answered as 500, retried by jobs).
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

internal import Runtime

/// Text from a PDF through poppler's `pdftotext` (argv only, the PDF on stdin, UTF-8 text on stdout), run with a
/// wall-clock timeout and an output cap. Pages come back separated by form feeds; ``PageCleaner`` then drops page
/// numbers and running headers.
struct PDFExtractor {
    let executable: String
    let timeout: Duration
    let maxOutputBytes: Int

    /// - Throws: ``KnowledgeError`` for a PDF poppler cannot read, one with no text layer, or one whose text is too
    ///   large; ``SubprocessError`` when `pdftotext` cannot be started (a platform problem, retried).
    func pages(_ bytes: [UInt8]) throws -> [String] {
        let result = try Subprocess.run(executable, arguments: ["-q", "-enc", "UTF-8", "-eol", "unix", "-", "-"],
                                        input: bytes, timeout: timeout, maxOutputBytes: maxOutputBytes)
        if result.timedOut {
            throw KnowledgeError.unreadable("pdf", "reading it took longer than \(timeout.components.seconds) seconds.")
        }
        if result.outputTruncated { throw KnowledgeError("too_much_text", "The PDF holds more text than can be indexed.") }
        let text = TextDecoding.decode(result.stdout)
        let hasText = text.unicodeScalars.contains { !$0.properties.isWhitespace }
        guard result.exitCode == 0 || hasText else {
            let detail = try? Self.firstError(executable: executable, bytes: bytes, timeout: timeout)
            throw KnowledgeError.unreadable("pdf", Self.sanitise(detail ?? result.firstErrorLine))
        }
        guard hasText else {
            throw KnowledgeError("no_text", "The PDF has no extractable text (scanned PDF?).")
        }
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
    }

    /// `-q` silences poppler; on failure the command is run once more without it to learn the first error line.
    private static func firstError(executable: String, bytes: [UInt8], timeout: Duration) throws -> String? {
        try Subprocess.run(executable, arguments: ["-enc", "UTF-8", "-l", "1", "-", "-"], input: bytes, timeout: timeout,
                           maxOutputBytes: 1 << 20, maxErrorBytes: 4096).firstErrorLine
    }

    /// A poppler message made safe to show: no file paths, printable ASCII-ish, at most 160 characters, a full stop.
    static func sanitise(_ line: String?) -> String {
        guard let line, !line.isEmpty else { return "the file is damaged or not a PDF." }
        let words = line.split(separator: " ").map { word -> String in
            word.contains("/") || word.contains("\\") ? "(file)" : String(word)
        }
        var text = TextNormalizer.collapse(words.joined(separator: " "))
        text = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.map(Character.init))
        if text.count > 160 { text = String(text.prefix(157)) + "..." }
        if !text.hasSuffix(".") { text += "." }
        return text
    }
}

import Glibc
import Testing

/// Checks rendered PDFs with poppler's command-line tools (Debian `poppler-utils`), run as child processes on a
/// temporary file that is removed afterwards.
enum PDFTestTools {
    struct Info {
        var status: Int32
        var pages: Int?
        var output: String

        /// The value of a `pdfinfo` field such as `Title`, trimmed.
        func field(_ name: String) -> String? {
            for line in output.split(separator: "\n") where line.hasPrefix(name + ":") {
                return String(line.dropFirst(name.count + 1).drop(while: { $0 == " " }))
            }
            return nil
        }
    }

    /// `pdfinfo`: exit status, page count and the whole report.
    static func info(_ pdf: [UInt8]) throws -> Info {
        let (status, output) = try run("pdfinfo", pdf)
        let pages = Info(status: status, pages: nil, output: output).field("Pages").flatMap { Int($0) }
        return Info(status: status, pages: pages, output: output)
    }

    /// `pdftotext -layout`: the text of every page (pages separated by form feeds).
    static func text(_ pdf: [UInt8], layout: Bool = true) throws -> String {
        let (status, output) = try run(layout ? "pdftotext -layout" : "pdftotext", pdf, suffix: " -")
        #expect(status == 0, "pdftotext failed: \(output)")
        return output
    }

    /// `pdfimages -list`: how many images the file embeds.
    static func imageCount(_ pdf: [UInt8]) throws -> Int {
        let (status, output) = try run("pdfimages -list", pdf)
        #expect(status == 0)
        // Two header lines, then one line per image.
        return max(output.split(separator: "\n").count - 2, 0)
    }

    /// The text of page `number` (from 1) of `pdftotext` output.
    static func page(_ text: String, _ number: Int) -> String {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        return number <= pages.count ? String(pages[number - 1]) : ""
    }

    /// `text` with every run of whitespace collapsed to one space, for phrases that `-layout` may wrap or space out.
    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Keeps a copy of `pdf` as `<PDF_TEST_DUMP_DIR>/<name>.pdf` when that variable is set (to look at layouts).
    static func dump(_ pdf: [UInt8], _ name: String) {
        guard let directory = getenv("PDF_TEST_DUMP_DIR").map({ String(cString: $0) }),
              let file = fopen("\(directory)/\(name).pdf", "w") else { return }
        _ = pdf.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }

    struct ToolError: Error { var message: String }

    /// Writes `pdf` to a fresh temporary file, runs `/bin/sh -c "<command> <file><suffix> 2>&1"` and returns the exit
    /// status and output. The path comes from `mkstemp` (no shell metacharacters).
    private static func run(_ command: String, _ pdf: [UInt8], suffix: String = "") throws -> (Int32, String) {
        var template = Array("/tmp/quoting-pdf-XXXXXX.pdf".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, 4)
        }
        guard fd >= 0 else { throw ToolError(message: "mkstemps failed") }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let written = pdf.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == pdf.count else { throw ToolError(message: "short write") }
        guard let pipe = popen("\(command) \(path)\(suffix) 2>&1", "r") else {
            throw ToolError(message: "popen failed")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, pipe) }
            if count == 0 { break }
            output += buffer[0..<count]
        }
        let status = pclose(pipe)
        return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
    }
}

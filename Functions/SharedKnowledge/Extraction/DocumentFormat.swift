/// The document formats the knowledge base accepts, and how an upload's format is decided.
///
/// Detection uses the file name's extension, the content's magic bytes and the declared `Content-Type`; they must
/// agree. A `.pdf` that does not start with `%PDF-`, a `.docx` that is not a ZIP archive, a "text" file holding NUL
/// bytes or a declared type of another format are refused (``Mismatch``) rather than guessed.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case txt, md, html, pdf, docx

    /// The `Content-Type` served on download.
    public var contentType: String {
        switch self {
        case .txt: return "text/plain; charset=utf-8"
        case .md: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        case .pdf: return "application/pdf"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }

    /// Why a file was not accepted.
    public enum Refusal: Error, Sendable, Equatable {
        /// Not one of the supported formats (415).
        case unsupported(String)
        /// Name, content and declared type disagree (422).
        case mismatch(String)
    }

    private static let extensions: [String: DocumentFormat] = [
        "txt": .txt, "text": .txt, "md": .md, "markdown": .md, "html": .html, "htm": .html, "pdf": .pdf, "docx": .docx,
    ]

    private static let declaredTypes: [String: DocumentFormat] = [
        "text/plain": .txt, "text/markdown": .md, "text/x-markdown": .md, "text/html": .html,
        "application/xhtml+xml": .html, "application/pdf": .pdf,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": .docx,
    ]

    /// The supported extensions, for messages.
    public static let supportedList = "txt, md, html, pdf, docx"

    /// Decides the format of an upload.
    /// - Parameters:
    ///   - filename: the client's file name (only its extension is looked at).
    ///   - declaredType: the part's `Content-Type` without parameters, if sent.
    public static func detect(bytes: [UInt8], filename: String, declaredType: String?) throws(Refusal) -> DocumentFormat {
        let sniffed = sniff(bytes)
        let declared = declaredType.map { $0.lowercased() }
        let byDeclared = declared.flatMap { declaredTypes[$0] }
        let dot = filename.lastIndex(of: ".")
        let ext = dot.map { String(filename[filename.index(after: $0)...]).lowercased() }
        let byExtension = ext.flatMap { extensions[$0] }
        if let ext, !ext.isEmpty, byExtension == nil, ext.count <= 8 {
            throw .unsupported("Files of type .\(ext) are not supported; upload one of: \(supportedList).")
        }
        guard let format = byExtension ?? byDeclared ?? sniffed.binary else {
            if declared != nil, declared != "application/octet-stream" {
                throw .unsupported("Files of type \(declared ?? "") are not supported; upload one of: \(supportedList).")
            }
            throw .unsupported("The file type cannot be recognised; upload one of: \(supportedList) with its extension.")
        }
        if let byDeclared, byDeclared != format, !(byDeclared == .txt && format != .pdf && format != .docx) {
            throw .mismatch("The file is named as \(format.rawValue) but was sent as \(declared ?? "").")
        }
        switch format {
        case .pdf where sniffed.binary != .pdf:
            throw .mismatch("The file is named as a PDF but its content is not a PDF.")
        case .docx where sniffed.binary != .docx:
            throw .mismatch("The file is named as a DOCX but its content is not a DOCX (ZIP) document.")
        case .txt, .md, .html:
            if let binary = sniffed.binary {
                throw .mismatch("The file is named as \(format.rawValue) but its content is a \(binary.rawValue.uppercased()).")
            }
            if sniffed.hasNUL { throw .mismatch("The file is named as \(format.rawValue) but its content is binary.") }
        default:
            break
        }
        return format
    }

    private static func sniff(_ bytes: [UInt8]) -> (binary: DocumentFormat?, hasNUL: Bool) {
        let head = bytes.prefix(1024)
        let pdf = Array("%PDF-".utf8)
        var binary: DocumentFormat?
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            binary = .docx
        } else if head.indices.contains(where: { head[$0...].starts(with: pdf) }) {
            binary = .pdf
        }
        let sample = bytes.prefix(8192)
        let utf16 = sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF])
        return (binary, !utf16 && sample.contains(0))
    }
}

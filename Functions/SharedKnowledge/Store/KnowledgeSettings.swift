public import Runtime

/// Knowledge configuration, read once per process: `KNOWLEDGE_DIR` (store originals in this directory instead of
/// `knowledge_files`; the worker must see the same directory), `KNOWLEDGE_MAX_UPLOAD_BYTES` (50 MiB),
/// `PDFTOTEXT_PATH` (`/usr/bin/pdftotext`), `KNOWLEDGE_PDF_TIMEOUT_SECONDS` (60).
public struct KnowledgeSettings: Sendable {
    public var directory: String?
    public var maxUploadBytes: Int
    public var extractor: TextExtractor

    public init(directory: String? = nil, maxUploadBytes: Int = 50 << 20, extractor: TextExtractor = TextExtractor()) {
        self.directory = directory
        self.maxUploadBytes = maxUploadBytes
        self.extractor = extractor
    }

    /// Reads the keys above; problems are recorded in `environment`.
    public init(environment: Environment) {
        let directory = environment.optionalString("KNOWLEDGE_DIR").flatMap { $0.isEmpty ? nil : $0 }
        if let directory, !directory.hasPrefix("/") { environment.problem("KNOWLEDGE_DIR must be an absolute path") }
        let path = environment.string("PDFTOTEXT_PATH", default: "/usr/bin/pdftotext")
        if !path.hasPrefix("/") { environment.problem("PDFTOTEXT_PATH must be an absolute path") }
        self.init(directory: directory,
                  maxUploadBytes: environment.int("KNOWLEDGE_MAX_UPLOAD_BYTES", default: 50 << 20, in: 1...(1 << 30)),
                  extractor: TextExtractor(pdftotextPath: path,
                                           pdfTimeout: .seconds(environment.int("KNOWLEDGE_PDF_TIMEOUT_SECONDS", default: 60,
                                                                                in: 1...3600))))
    }

    /// The process's settings from its environment (the handlers' source; PlatformConfig has no knowledge keys yet).
    public static let process = KnowledgeSettings(environment: Environment())
}

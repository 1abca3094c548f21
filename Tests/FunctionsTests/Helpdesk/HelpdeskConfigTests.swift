import HelpdeskFunction
import Runtime
import Testing

/// The helpdesk's own keys are checked at start-up with the shared ones (FunctionLauncher's `check`).
struct HelpdeskConfigTests {
    @Test func badKnowledgeKeysAreStartUpProblems() {
        let environment = Environment(["KNOWLEDGE_DIR": "relative/knowledge", "KNOWLEDGE_MAX_UPLOAD_BYTES": "0",
                                       "PDFTOTEXT_PATH": "pdftotext"])
        HelpdeskFunction.checkConfiguration(environment)
        do {
            try environment.validate()
            Issue.record("bad knowledge keys passed validation")
        } catch {
            for key in ["KNOWLEDGE_DIR", "KNOWLEDGE_MAX_UPLOAD_BYTES", "PDFTOTEXT_PATH"] {
                #expect(error.description.contains(key), "\(key) missing from: \(error.description)")
            }
        }
    }

    @Test func unsetKnowledgeKeysTakeTheirDefaults() throws {
        let environment = Environment([:])
        HelpdeskFunction.checkConfiguration(environment)
        try environment.validate()
    }
}

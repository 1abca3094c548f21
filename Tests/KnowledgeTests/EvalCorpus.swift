import FoundationEssentials
import Knowledge
import Runtime

/// The evaluation corpus (`Corpus/`, see its README): 49 documents with front matter and `questions.json`.
struct EvalCorpus {
    struct Document {
        let id: String
        let title: String
        let category: String
        let visibility: String
        /// `tenant` or `global`.
        let scope: String
        let body: String
    }

    struct Question {
        let id: String
        let text: String
        let relevant: [String]
        let hard: Bool
    }

    let documents: [Document]
    let answerable: [Question]
    let unanswerable: [Question]

    static var folder: String { String(#filePath.split(separator: "/Tests/")[0]) + "/Tests/KnowledgeTests/Corpus" }

    static func load() throws -> EvalCorpus {
        let directory = folder + "/documents"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        let documents = try names.map { name -> Document in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { throw EvalError("cannot read \(name)") }
            return try parse(String(decoding: data, as: UTF8.self))
        }
        guard let data = FileManager.default.contents(atPath: folder + "/questions.json") else { throw EvalError("no questions.json") }
        let json = try JSON.decode(JSONValue.self, from: Array(data))
        func questions(_ key: String) -> [Question] {
            guard case .array(let items)? = json[key] else { return [] }
            return items.compactMap { item in
                guard let id = item["id"]?.string, let text = item["question"]?.string else { return nil }
                let relevant: [String] = if case .array(let ids)? = item["relevant"] { ids.compactMap(\.string) } else { [] }
                return Question(id: id, text: text, relevant: relevant, hard: item["hard"]?.bool ?? false)
            }
        }
        return EvalCorpus(documents: documents, answerable: questions("answerable"), unanswerable: questions("unanswerable"))
    }

    /// Front matter (`key: value` lines between `---`) and the Markdown body.
    static func parse(_ text: String) throws -> Document {
        let parts = text.components(separatedBy: "---\n")
        guard parts.count >= 3 else { throw EvalError("no front matter") }
        var meta: [String: String] = [:]
        for line in parts[1].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            meta[String(line[..<colon]).trimmingASCIIWhitespace()] = String(line[line.index(after: colon)...]).trimmingASCIIWhitespace()
        }
        guard let id = meta["id"], let title = meta["title"] else { throw EvalError("front matter without id or title") }
        return Document(id: id, title: title, category: meta["category"] ?? "general", visibility: meta["visibility"] ?? "private",
                        scope: meta["scope"] ?? "tenant", body: parts[2...].joined(separator: "---\n"))
    }

    /// The chunks the evaluation indexes: the production extractor and chunker (`knowledge.index`'s), over the
    /// document's Markdown as uploaded.
    static func chunks(of document: Document) throws -> [(heading: String, content: String)] {
        let blocks = try TextExtractor().extract(Array(document.body.utf8), format: .md)
        return Chunker.chunk(blocks, options: .standard).map { ($0.heading, $0.content) }
    }
}

struct EvalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

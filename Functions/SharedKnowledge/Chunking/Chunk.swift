/// One indexed piece of a document, as stored in `knowledge_chunks`.
public struct Chunk: Sendable, Equatable {
    /// 0-based order within the document.
    public let position: Int
    /// The nearest section heading above the text ("" before the first heading).
    public let heading: String
    /// Whole sentences joined with single spaces.
    public let content: String
    public let wordCount: Int
}

/// Sizes for ``Chunker``, in words.
public struct ChunkingOptions: Sendable, Equatable {
    /// A chunk is closed at a paragraph end once it has at least this many words.
    public var minWords: Int
    /// The hard limit: no chunk is longer (a single sentence longer than this is cut at word boundaries).
    public var maxWords: Int
    /// Words carried over from the end of one chunk to the start of the next, in whole sentences.
    public var overlapWords: Int

    /// 300–500 words with about 50 words of overlap (SPEC §3).
    public static let standard = ChunkingOptions(minWords: 300, maxWords: 500, overlapWords: 50)

    public init(minWords: Int, maxWords: Int, overlapWords: Int) {
        self.minWords = max(1, minWords)
        self.maxWords = max(self.minWords, maxWords)
        self.overlapWords = max(0, min(overlapWords, self.maxWords / 2))
    }
}

/// Cuts extracted blocks into chunks: sections by heading, then paragraphs, then sentences.
///
/// Within a section, sentences are added until the next would pass ``ChunkingOptions/maxWords``; a chunk also
/// closes at a paragraph end once it has ``ChunkingOptions/minWords``. The next chunk starts with the previous one's
/// last sentences, up to ``ChunkingOptions/overlapWords`` words (at least one short sentence when one fits), so a
/// fact that straddles a boundary is found in either chunk. Sentences are never split, except one longer than the
/// limit by itself, which is cut at word boundaries. Each chunk carries its section's heading.
public enum Chunker {
    private struct Sentence {
        let text: String
        let words: Int
        let endsParagraph: Bool
    }

    /// The chunks of `blocks`, numbered from 0.
    public static func chunk(_ blocks: [TextBlock], options: ChunkingOptions = .standard) -> [Chunk] {
        var chunks: [Chunk] = []
        var heading = ""
        var section: [Sentence] = []
        func closeSection() {
            emit(section, heading: heading, options: options, into: &chunks)
            section.removeAll()
        }
        for block in blocks {
            switch block {
            case .heading(let text):
                closeSection()
                heading = String(text.prefix(300))
            case .paragraph(let text):
                let sentences = SentenceSplitter.split(text).flatMap { cut($0, max: options.maxWords) }
                for (index, sentence) in sentences.enumerated() {
                    section.append(Sentence(text: sentence, words: wordCount(sentence), endsParagraph: index == sentences.count - 1))
                }
            }
        }
        closeSection()
        return chunks
    }

    private static func emit(_ sentences: [Sentence], heading: String, options: ChunkingOptions, into chunks: inout [Chunk]) {
        var current: [Sentence] = []
        var words = 0
        var fresh = 0  // sentences in `current` not already in the previous chunk
        func close() {
            guard fresh > 0 else { return }
            let content = current.map(\.text).joined(separator: " ")
            chunks.append(Chunk(position: chunks.count, heading: heading, content: content, wordCount: words))
            var overlap: [Sentence] = []
            var overlapWords = 0
            for sentence in current.reversed() where overlapWords + sentence.words <= options.overlapWords {
                overlap.insert(sentence, at: 0)
                overlapWords += sentence.words
            }
            if overlap.isEmpty, let last = current.last, last.words <= options.overlapWords * 2 {
                overlap = [last]
                overlapWords = last.words
            }
            current = overlap
            words = overlapWords
            fresh = 0
        }
        for sentence in sentences {
            if words + sentence.words > options.maxWords {
                close()
                while !current.isEmpty, words + sentence.words > options.maxWords {
                    words -= current.removeFirst().words
                }
            }
            current.append(sentence)
            words += sentence.words
            fresh += 1
            if sentence.endsParagraph, words >= options.minWords { close() }
        }
        close()
    }

    /// `sentence` itself, or pieces of at most `max` words when it is longer.
    private static func cut(_ sentence: String, max: Int) -> [String] {
        let words = sentence.split(separator: " ")
        guard words.count > max else { return [sentence] }
        return stride(from: 0, to: words.count, by: max).map { words[$0..<min($0 + max, words.count)].joined(separator: " ") }
    }

    static func wordCount(_ text: String) -> Int { text.split(separator: " ").count }
}

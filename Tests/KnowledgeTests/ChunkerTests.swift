import Knowledge
import Testing

@Suite struct ChunkerTests {
    /// A long document: sections with headings, paragraphs of varied sentences with abbreviations and numbers.
    static func document(sections: Int = 4, paragraphs: Int = 6) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var counter = 0
        for section in 0..<sections {
            blocks.append(.heading("Section \(section) heading"))
            for _ in 0..<paragraphs {
                var sentences: [String] = []
                for _ in 0..<(5 + counter % 4) {
                    counter += 1
                    let filler = Array(repeating: "word\(counter)", count: 4 + counter % 17).joined(separator: " ")
                    sentences.append("Mr. Smith e.g. paid 3.5 percent at 14:00 on item No. \(counter) with \(filler).")
                }
                blocks.append(.paragraph(sentences.joined(separator: " ")))
            }
        }
        return blocks
    }

    let chunks = Chunker.chunk(document())

    @Test func noChunkIsOverTheLimitAndPositionsAreDense() {
        #expect(chunks.count > 4)
        #expect(chunks.allSatisfy { $0.wordCount <= ChunkingOptions.standard.maxWords })
        #expect(chunks.map(\.position) == Array(0..<chunks.count))
        #expect(chunks.allSatisfy { $0.wordCount == $0.content.split(separator: " ").count })
    }

    @Test func sentencesAreNeverSplit() {
        let sentences = Set(Self.document().flatMap { block -> [String] in
            if case .paragraph(let text) = block { return SentenceSplitter.split(text) } else { return [] }
        })
        for chunk in chunks {
            for sentence in SentenceSplitter.split(chunk.content) { #expect(sentences.contains(sentence)) }
            #expect(chunk.content.hasPrefix("Mr. Smith"))
            #expect(chunk.content.hasSuffix("."))
        }
    }

    @Test func consecutiveChunksOfASectionOverlap() {
        var overlapping = 0
        for (previous, next) in zip(chunks, chunks.dropFirst()) where previous.heading == next.heading {
            let tail = SentenceSplitter.split(previous.content).last ?? ""
            if next.content.contains(tail) { overlapping += 1 }
        }
        #expect(overlapping > 0)
    }

    @Test func everyWordAppearsInSomeChunkAndHeadingsAreKept() {
        let chunked = Set(chunks.flatMap { $0.content.split(separator: " ").map(String.init) })
        for block in Self.document() {
            if case .paragraph(let text) = block {
                for word in text.split(separator: " ") { #expect(chunked.contains(String(word))) }
            }
        }
        #expect(Set(chunks.map(\.heading)) == Set((0..<4).map { "Section \($0) heading" }))
    }

    @Test func aSentenceLongerThanTheLimitIsCutAtWords() {
        let long = Array(repeating: "very", count: 1200).joined(separator: " ") + "."
        let chunks = Chunker.chunk([.paragraph(long)])
        #expect(chunks.allSatisfy { $0.wordCount <= 500 })
        #expect(chunks.reduce(0) { $0 + $1.wordCount } >= 1200)
    }

    @Test func sentenceSplitterRespectsAbbreviationsNumbersAndTimes() {
        #expect(SentenceSplitter.split("Dr. Nkosi meets guests at 14:00 e.g. on Mondays. Rates rose 3.5% in Jan. 2027! Is room No. 12 free? Yes.")
            == ["Dr. Nkosi meets guests at 14:00 e.g. on Mondays.", "Rates rose 3.5% in Jan. 2027!", "Is room No. 12 free?", "Yes."])
        #expect(SentenceSplitter.split("J. R. R. Tolkien lived in the U.K. for years. He wrote books.")
            == ["J. R. R. Tolkien lived in the U.K. for years.", "He wrote books."])
    }

    @Test func emptyInputGivesNoChunks() {
        #expect(Chunker.chunk([]).isEmpty)
        #expect(Chunker.chunk([.heading("Only a heading")]).isEmpty)
    }
}

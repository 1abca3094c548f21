/// Checks an LLM answer's citations against the sources it was given.
///
/// Citations are `[n]` (also `[1, 2]` or `[1][2]`) with 1 ≤ n ≤ the number of sources. A reference to a source
/// that does not exist (`[7]` with five sources) is removed from the text, so an answer never points at nothing;
/// ``Checked/cited`` lists the valid numbers in order of first use.
public enum Citations {
    /// The outcome of ``check(_:sourceCount:)``.
    public struct Checked: Sendable, Equatable {
        /// The answer with invalid citations removed.
        public let text: String
        /// The valid source numbers cited, in order of first use.
        public let cited: [Int]
        /// How many invalid references were removed.
        public let removed: Int
    }

    /// `answer` with citations outside 1…`sourceCount` removed, and the valid ones it uses.
    public static func check(_ answer: String, sourceCount: Int) -> Checked {
        var output = ""
        var cited: [Int] = []
        var removed = 0
        var index = answer.startIndex
        while index < answer.endIndex {
            let character = answer[index]
            guard character == "[", let close = answer[index...].firstIndex(of: "]"),
                  answer.distance(from: index, to: close) <= 40 else {
                output.append(character)
                index = answer.index(after: index)
                continue
            }
            let inner = answer[answer.index(after: index)..<close]
            let parts = inner.split(separator: ",").map { $0.trimmingSet(" ") }
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                output.append(character)
                index = answer.index(after: index)
                continue
            }
            let valid = parts.compactMap { Int($0) }.filter { $0 >= 1 && $0 <= sourceCount }
            removed += parts.count - valid.count
            for number in valid where !cited.contains(number) { cited.append(number) }
            if !valid.isEmpty {
                output += "[" + valid.map(String.init).joined(separator: ", ") + "]"
            } else if output.hasSuffix(" ") {
                output.removeLast()
            }
            index = answer.index(after: close)
        }
        return Checked(text: output, cited: cited, removed: removed)
    }
}

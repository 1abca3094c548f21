internal import Runtime

/// One mailbox from an address header: an optional display name and the address.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The decoded display name (RFC 2047 words decoded, quotes removed); nil when there is none.
    public var name: String?
    /// The address as written, with the domain lower-cased (local parts are case-sensitive in theory).
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The part before the last `@`.
    public var localPart: Substring { address.lastIndex(of: "@").map { address[..<$0] } ?? address[...] }
    /// The part after the last `@`.
    public var domain: Substring { address.lastIndex(of: "@").map { address[address.index(after: $0)...] } ?? "" }
    /// The whole address lower-cased: the form to compare and route on.
    public var normalized: String { address.lowercased() }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// Parses an address header (`To`, `Cc`, `From`, `Reply-To`) into its mailboxes, in order.
    ///
    /// Handles display names with or without quotes (`"Doe, J" <j@y.org>`), RFC 2047 names, bare addresses,
    /// groups (`Team: a@x.com, b@y.com;` yields the members), comments (a comment is the name when there is
    /// no other: `j@y.org (Jane)`), `mailto:`, and `;` used as a separator. Entries without an `@` are
    /// dropped. Input past 256 KiB is ignored.
    public static func parseList(_ header: String) -> [EmailAddress] {
        var reader = AddressListReader(Array(header.unicodeScalars.prefix(256 * 1024)))
        return reader.read()
    }

    /// Builds a mailbox from its pieces; nil unless `address` looks like `local@domain`.
    static func make(name rawName: String?, address rawAddress: String) -> EmailAddress? {
        var address = rawAddress.filter { !$0.isWhitespace }
        if address.lowercased().hasPrefix("mailto:") { address.removeFirst(7) }
        guard let at = address.lastIndex(of: "@"), at != address.startIndex,
            address.index(after: at) != address.endIndex,
            !address.contains(where: { "<>()\",;:\\".contains($0) || $0.isNewline })
        else { return nil }
        address = address[..<at] + "@" + address[address.index(after: at)...].lowercased()
        var name = EncodedWord.decode(rawName ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()) }
        name = name.trimmingWhitespace
        let hasName = !name.isEmpty && name.lowercased() != address.lowercased()
        return EmailAddress(name: hasName ? name : nil, address: address)
    }
}

/// The tokenizer behind ``EmailAddress/parseList(_:)``: quoted strings, comments, angle addresses, groups.
private struct AddressListReader {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var words: [String] = []
    private var word = ""
    private var angle: String? = nil
    private var comment: String? = nil
    private var results: [EmailAddress] = []

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func read() -> [EmailAddress] {
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"": endWord(); words.append(quoted())
            case "(": let text = commentText(); if comment == nil { comment = text }
            case "<": endWord(); angle = until(">")
            case ":" where angle == nil: resetMailbox()  // a group's name: dropped, its members follow
            case ",", ";": finishMailbox()
            case " ", "\t", "\r", "\n": endWord()
            default: word.unicodeScalars.append(scalar)
            }
        }
        finishMailbox()
        return results
    }

    private mutating func endWord() {
        if !word.isEmpty { words.append(word) }
        word = ""
    }

    private mutating func finishMailbox() {
        endWord()
        let mailbox: EmailAddress? =
            if let angle {
                EmailAddress.make(name: words.isEmpty ? comment : words.joined(separator: " "), address: angle)
            } else {
                EmailAddress.make(name: comment, address: words.joined())
            }
        if let mailbox { results.append(mailbox) }
        resetMailbox()
    }

    private mutating func resetMailbox() {
        words = []
        word = ""
        angle = nil
        comment = nil
    }

    /// A quoted string's content, backslash escapes removed; runs to the end when unterminated.
    private mutating func quoted() -> String {
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { break }
            if scalar == "\\", index < scalars.count {
                out.append(scalars[index])
                index += 1
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A (possibly nested) comment's text, trimmed.
    private mutating func commentText() -> String {
        var depth = 1
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\\", index < scalars.count {
                out.append(scalars[index])
                index += 1
                continue
            }
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            out.append(scalar)
        }
        return String(out).trimmingWhitespace
    }

    private mutating func until(_ stop: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == stop { break }
            out.append(scalar)
        }
        return String(out)
    }
}

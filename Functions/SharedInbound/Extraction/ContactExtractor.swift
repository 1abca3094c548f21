/// Finds the customer's email address and phone number in a mail's text.
///
/// Rules:
/// - Email: the first address written in the text (local part and domain of the usual characters, a dot in
///   the domain), else the sender's address. Each `@` is expanded at most 64 characters left and 255 right.
/// - Phone: a run of digits, spaces, dashes, dots and parentheses with 9–15 digits that starts with `+`, `(`
///   or `0` (`+27 82 555 1234`, `082-555-1234`, `(021) 555 1234`, `+44 20 7946 0958`), or any such run on a line
///   with a phone word (phone, tel, cell, mobile, whatsapp, call). Never a date (`/`, or a 2-2-4 digit shape)
///   or money (a currency symbol right before). Returned as written, trimmed.
enum ContactExtractor {
    static func email(in text: String) -> String? {
        let characters = Array(text.prefix(MailText.maxBodyBytes))
        for index in characters.indices where characters[index] == "@" {
            var start = index
            while start > 0, index - start < 64, isLocal(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, end - index < 255, isDomain(characters[end]) { end += 1 }
            while end > index + 1, characters[end - 1] == "." || characters[end - 1] == "-" { end -= 1 }
            while start < index, characters[start] == "." { start += 1 }
            let domain = characters[(index + 1)..<end]
            guard start < index, domain.contains("."), domain.first != "." else { continue }
            return String(characters[start..<end]).lowercased()
        }
        return nil
    }

    private static func isLocal(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._%+-'".contains(character))
    }

    private static func isDomain(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-")
    }

    static let phoneWords = [
        "phone", "tel", "cell", "mobile", "whatsapp", "call", "contact", "number", "mob",
        "telefon", "handy",
    ]

    static func phone(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(5_000) {
            let lower = line.lowercased()
            let labelled = phoneWords.contains { lower.contains($0) }
            guard let phone = phone(inLine: Array(line.prefix(2_000)), labelled: labelled) else { continue }
            return phone
        }
        return nil
    }

    private static func phone(inLine characters: [Character], labelled: Bool) -> String? {
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "+" || character == "(" || (character.isASCII && character.isWholeNumber) else {
                index += 1
                continue
            }
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            var end = index, digits = 0, groups: [Int] = [], group = 0
            while end < characters.count, end - index < 30 {
                let next = characters[end]
                if next.isASCII && next.isWholeNumber {
                    digits += 1
                    group += 1
                } else if " -.()+".contains(next) {
                    if next == "+" && end != index { break }
                    if group > 0 { groups.append(group) }
                    group = 0
                    if next == " ", end + 1 < characters.count, characters[end + 1] == " " { break }
                } else {
                    break
                }
                end += 1
            }
            if group > 0 { groups.append(group) }
            let startsLikePhone = character == "+" || character == "(" || character == "0"
            let moneyBefore = previous.map { "R$€£".contains($0) } ?? false
            let letterBefore = previous.map { $0.isLetter || $0.isNumber || $0 == "/" } ?? false
            let dateShape = groups.count == 3 && groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4
            if (9...15).contains(digits), startsLikePhone || labelled, !moneyBefore, !letterBefore, !dateShape,
                end >= characters.count || characters[end] != "/"
            {
                let phone = String(characters[index..<end]).trimmingWhitespace()
                return String(phone.reversed().drop(while: { " -.(".contains($0) }).reversed())
            }
            index = max(end, index + 1)
        }
        return nil
    }
}

/// Month names and abbreviations, folded (see ``Tokenizer/fold(_:)``), in English, German, French, Spanish,
/// Portuguese, Italian, Dutch and Afrikaans.
///
/// "may" and "mar"/"mars"/"marco" are also ordinary words, so ``month(_:)`` accepts them only when written with
/// a capital (May 12, Mars 3 …).
enum MonthNames {
    static let table: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januar", "janner", "janvier", "enero", "janeiro", "gennaio", "januari", "januarie"],
            [
                "february", "feb", "febr", "februar", "fevrier", "febrero", "fevereiro", "febbraio", "februari",
                "februarie",
            ],
            ["march", "mar", "marz", "maerz", "mars", "marzo", "marco", "maart"],
            ["april", "apr", "avril", "abril", "aprile"],
            ["may", "mai", "mayo", "maio", "maggio", "mei"],
            ["june", "jun", "juni", "juin", "junio", "junho", "giugno", "junie"],
            ["july", "jul", "juli", "juillet", "julio", "julho", "luglio", "julie"],
            ["august", "aug", "aout", "agosto", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "ottobre"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "decembre", "diciembre", "dezembro", "dicembre", "desember"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()

    static let ambiguous: Set<String> = ["may", "mar", "mars", "marco"]

    /// The month (1–12) named by `token`, allowing a trailing "." on abbreviations (handled by the caller).
    static func month(_ token: Token) -> Int? {
        guard token.kind == .word, let month = table[token.text] else { return nil }
        if ambiguous.contains(token.text) && !token.isCapitalised { return nil }
        return month
    }
}

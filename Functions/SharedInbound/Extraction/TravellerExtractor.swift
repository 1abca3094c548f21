/// Counts the travellers: adults, children (every traveller under 18, infants included), stated ages, infants.
///
/// Rules (first explicit statement of each kind wins, so quoted repeats do not add up):
/// - "N adults", "N children/kids/teens", "N infants/babies/toddlers" — digits or number words one…twenty.
/// - Ages: "aged 5", "ages 7 and 10", "(7 and 10)", "(ages 7 & 10)" after a children word, "a 7 year old";
///   infants: "a baby of 10 months" → age 0, "toddler (18 months)" → age 1. Ages over 17 are not children's.
/// - "a baby", "an infant", "our toddler" count one infant each.
/// - Totals: "N pax/people/persons/guests/travellers/friends" ("me + 3 friends" is 4), "N of us", "the two of us", "party/group of N",
///   "we are N": adults = total − children.
/// - "family of N": 2 adults and N − 2 children unless the mail says otherwise.
/// - Couples ("my wife and I", "my husband and me", "me and my partner", "honeymoon", "a couple") → 2 adults;
///   solo ("solo", "just me", "myself only", "on my own", "travelling alone") → 1 adult.
/// - Nothing said → adults and children nil; adults known but no children mentioned → children 0.
struct TravellerExtractor {
    let tokens: [Token]

    struct Party: Sendable, Equatable {
        var adults: Int?
        var children: Int?
        var ages: [Int] = []
        var infants: Int?
    }

    static let adultWords: Set<String> = [
        "adult", "adults", "grownups", "volwassenes", "volwassenen", "erwachsene",
        "adultes", "adultos", "adulti", "pensioners", "seniors",
    ]
    static let childWords: Set<String> = [
        "child", "children", "kids", "kid", "kiddies", "teens", "teenagers",
        "teenager", "kinders", "kinder", "kind", "crianca", "enfants", "ninos", "criancas", "bambini",
        "boys", "girls", "sons", "daughters", "son", "daughter", "minors",
        "grandchildren", "grandkids", "nephews", "nieces",
    ]
    static let infantWords: Set<String> = ["infant", "infants", "baby", "babies", "toddler", "toddlers", "babys"]
    static let peopleWords: Set<String> = [
        "pax", "people", "persons", "person", "guests", "travellers", "travelers",
        "passengers", "ppl", "personen", "personnes", "personas", "pessoas", "mense",
        "friends", "ladies", "guys", "golfers",
    ]
    static let fillers: Set<String> = [
        "small", "young", "little", "lovely", "grown", "more", "older", "teenage",
        "x", "additional", "extra",
    ]
    static let spouses: Set<String> = [
        "wife", "husband", "partner", "fiance", "fiancee", "spouse", "hubby", "wifey",
        "girlfriend", "boyfriend",
    ]
    static let partners: Set<String> = [
        "wife", "husband", "partner", "fiance", "fiancee", "girlfriend", "boyfriend",
        "spouse", "hubby", "wifey", "other", "mother", "father", "mom", "mum",
        "dad", "friend", "sister", "brother",
    ]

    func party() -> Party {
        var counts = Counts()
        for index in tokens.indices {
            let token = tokens[index]
            if let count = NumberWords.count(token), count > 0, count <= 60 {
                counted(count, at: index, into: &counts)
            } else if token.kind == .word {
                worded(at: index, into: &counts)
            }
        }
        return counts.resolved()
    }

    /// What the scan has seen so far.
    struct Counts {
        var adults: Int?, children: Int?, infants = 0, total: Int?, family: Int?, couple = false, solo = false
        var singles = 0
        var ages: [Int] = []
        var consumed = Set<Int>()

        func resolved() -> Party {
            var party = Party(ages: ages, infants: infants > 0 ? infants : nil)
            let named = children ?? (singles > 0 ? singles : nil)
            var kids: Int? = named.map { $0 + infants } ?? (infants > 0 ? max(infants, ages.count) : nil)
            if kids == nil, !ages.isEmpty { kids = ages.count }
            if let adults {
                party.adults = adults
            } else if let family, family >= 2 {
                party.adults = kids.map { max(1, family - $0) } ?? 2
                if kids == nil { kids = family - 2 }
            } else if let total {
                party.adults = (kids ?? 0) < total ? total - (kids ?? 0) : total
            } else if couple {
                party.adults = 2
            } else if solo {
                party.adults = 1
            }
            party.children = kids ?? (party.adults == nil ? nil : 0)
            return party
        }
    }

    /// A count at `index` followed (after fillers) by a traveller noun.
    private func counted(_ count: Int, at index: Int, into counts: inout Counts) {
        var next = index + 1
        while next < tokens.count, next <= index + 3,
            (tokens[next].kind == .word && Self.fillers.contains(tokens[next].text))
                || (tokens[next].isSymbol("-") && !tokens[next].spaceBefore)
        { next += 1 }
        guard next < tokens.count, tokens[next].kind == .word else { return }
        let word = tokens[next].text
        if index > 0, tokens[index - 1].isWord("per") { return }
        if Self.adultWords.contains(word) {
            if counts.adults == nil { counts.adults = count }
        } else if Self.childWords.contains(word) {
            if counts.children == nil { counts.children = count }
            collectAges(after: next, into: &counts)
        } else if Self.infantWords.contains(word) {
            counts.infants += count
            collectInfantAges(after: next, into: &counts)
        } else if Self.peopleWords.contains(word)
            || (word == "of" && next + 1 < tokens.count && tokens[next + 1].isWord("us"))
        {
            if counts.total == nil { counts.total = count + (includesSpeaker(before: index) ? 1 : 0) }
        } else if ["year", "years", "yr", "yrs", "yo", "jaar", "jahre"].contains(word), count <= 17,
            word == "yo" || (next + 1 < tokens.count && tokens[next + 1].text.hasPrefix("old")),
            !counts.consumed.contains(index)
        {
            counts.ages.append(count)
            counts.consumed.insert(index)
        }
    }

    /// Traveller words that carry no count of their own ("family of four", "a baby", "my wife and I", "Adults: 2").
    private func worded(at index: Int, into counts: inout Counts) {
        let word = tokens[index].text
        let labelled: Int? = {
            guard index + 2 < tokens.count, tokens[index + 1].isSymbol(":") else { return nil }
            return NumberWords.count(tokens[index + 2])
        }()
        if let labelled, labelled <= 60 {
            if Self.adultWords.contains(word) { counts.adults = counts.adults ?? labelled; return }
            if Self.childWords.contains(word) { counts.children = counts.children ?? labelled; return }
            if Self.infantWords.contains(word) { counts.infants += labelled; return }
            if Self.peopleWords.contains(word) || word == "travelers" || word == "guests" {
                counts.total = counts.total ?? labelled
                return
            }
        }
        if Self.childWords.contains(word), index == 0 || NumberWords.count(tokens[index - 1]) == nil {
            collectAges(after: index, into: &counts)  // "our kids are 12, 10 and 6 years"
        }
        switch word {
        case "family", "party", "group", "familie", "famille", "familia", "gezin", "groep", "gruppe":
            if index + 2 < tokens.count, tokens[index + 1].isWord("of") || tokens[index + 1].isWord("von"),
                let count = NumberWords.count(tokens[index + 2]), count > 0, count <= 60
            {
                if word.hasPrefix("famil") || word == "gezin" {
                    counts.family = counts.family ?? count
                } else {
                    counts.total = counts.total ?? count
                }
            }
        case "are":
            if index > 0, tokens[index - 1].isWord("we"), index + 1 < tokens.count,
                let count = NumberWords.count(tokens[index + 1]), count > 1, count <= 30,
                index + 2 >= tokens.count || tokens[index + 2].kind != .word
                    || Self.peopleWords.contains(tokens[index + 2].text)
                    || Self.adultWords.contains(tokens[index + 2].text)
            {
                counts.total = counts.total ?? count
            }
        case "baby", "infant", "toddler":
            if index > 0, ["a", "an", "our", "my", "plus", "new"].contains(tokens[index - 1].text) {
                counts.infants += 1
                collectInfantAges(after: index, into: &counts)
            }
        case "son", "daughter", "child", "boy", "girl", "kid", "teen", "teenager":
            if index > 0, ["a", "an", "our", "my", "one", "plus"].contains(tokens[index - 1].text) {
                counts.singles += 1
                collectAges(after: index, into: &counts)
            }
        case "wife", "husband", "partner", "fiance", "fiancee", "spouse", "hubby", "girlfriend", "boyfriend":
            if index > 0, tokens[index - 1].isWord("my") { counts.couple = true }
        case "aged", "ages", "age":
            if counts.children != nil || counts.singles > 0
                || (index > 0 && Self.childWords.contains(tokens[index - 1].text))
            {
                collectAges(after: index - 1, into: &counts)
            }
        case "honeymoon", "honeymooners", "honeymooning", "couple", "couples", "wittebroodsdae", "flitterwochen":
            counts.couple = true
        case "and", "&":
            if isCouple(around: index) { counts.couple = true }
        case "solo", "alone":
            counts.solo = true
        case "myself":
            if (index + 1 < tokens.count && tokens[index + 1].isWord("only"))
                || (index > 0 && ["just", "only", "by"].contains(tokens[index - 1].text))
            {
                counts.solo = true
            }
        case "just", "only":
            if index + 1 < tokens.count, tokens[index + 1].isWord("me") { counts.solo = true }
        case "own":
            if index >= 2, tokens[index - 1].isWord("my"), tokens[index - 2].isWord("on") { counts.solo = true }
        default: break
        }
    }

    /// "me + 3 friends", "myself and 2 others": the count leaves out the writer.
    private func includesSpeaker(before index: Int) -> Bool {
        guard index >= 2, ["+", "and", "plus", "&"].contains(tokens[index - 1].text) else { return false }
        return ["me", "myself", "i"].contains(tokens[index - 2].text)
    }

    /// "my wife and I", "my husband and me", "me and my partner".
    private func isCouple(around index: Int) -> Bool {
        if index >= 2, index + 1 < tokens.count, tokens[index - 2].isWord("my"),
            Self.partners.contains(tokens[index - 1].text),
            ["i", "me", "myself"].contains(tokens[index + 1].text)
        {
            return true
        }
        if index >= 1, index + 2 < tokens.count, ["i", "me"].contains(tokens[index - 1].text),
            tokens[index + 1].isWord("my"), Self.partners.contains(tokens[index + 2].text)
        {
            return true
        }
        return false
    }
}

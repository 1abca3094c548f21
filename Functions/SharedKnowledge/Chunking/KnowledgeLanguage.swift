/// The PostgreSQL text-search configuration for an upload's `language` (ISO 639-1 code, or a configuration name).
public enum KnowledgeLanguage {
    /// ISO 639-1 codes with a Snowball stemmer in PostgreSQL 15.
    static let configurations: [String: String] = [
        "en": "english", "fr": "french", "de": "german", "es": "spanish", "pt": "portuguese", "it": "italian",
        "nl": "dutch", "sv": "swedish", "da": "danish", "fi": "finnish", "no": "norwegian", "nb": "norwegian",
        "nn": "norwegian", "ru": "russian", "hu": "hungarian", "ro": "romanian", "tr": "turkish", "ar": "arabic",
        "el": "greek", "id": "indonesian", "ga": "irish", "lt": "lithuanian", "ne": "nepali", "sr": "serbian",
        "ta": "tamil", "hy": "armenian", "eu": "basque", "ca": "catalan", "hi": "hindi", "yi": "yiddish",
    ]

    /// The default when an upload names no language.
    public static let defaultConfiguration = "english"

    /// The configuration for `code`: a known ISO 639-1 code (region and case ignored: `pt-BR` → `portuguese`) or a
    /// configuration name maps to itself; any other well-formed code falls back to `simple` (no stemming). Returns
    /// nil for text that is not a language tag at all (the caller answers 422).
    public static func configuration(for code: String) -> String? {
        let lowered = code.lowercased()
        guard !lowered.isEmpty, lowered.count <= 35,
              lowered.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" || $0 == "_" }) else { return nil }
        let primary = String(lowered.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
        if let configuration = configurations[primary] { return configuration }
        if Set(configurations.values).contains(lowered) || lowered == "simple" { return lowered }
        return "simple"
    }
}

/// What to search for: a question, in whose scope, and how many passages to return.
///
/// The tenant is not a field: ``Retriever/search(_:on:embed:)`` runs on a connection inside
/// `Database.withTenant(_:)` and shows that tenant's chunks plus the global ones (`tenant_id IS NULL`), nothing else
/// (the read policy's predicate on `app.tenant_id`). ``publicOnly`` narrows that to `visibility = 'public'` (the
/// widget).
public struct RetrievalQuery: Sendable, Equatable {
    /// The user's question or search text. Web-search syntax is honoured: `"exact phrase"` and `-excluded`.
    public var text: String
    /// Passages to return (1…20; default 5).
    public var k: Int
    /// Only documents marked `public` (the customer-facing widget); staff see private documents too.
    public var publicOnly: Bool
    /// Only documents of this category (`hotels`, `policies`, …), when set.
    public var category: String?
    /// How many full-text candidates are re-ranked (default 50, at most 200).
    public var candidates: Int

    /// The longest question accepted; longer text is cut here (the HTTP layer refuses > 2,000 characters first).
    public static let maxLength = 2_000

    /// Clamps `k` to 1…20 and `candidates` to max(k, 10)…200; cuts `text` at ``maxLength``.
    public init(_ text: String, k: Int = 5, publicOnly: Bool = false, category: String? = nil, candidates: Int = 50) {
        self.text = String(text.prefix(Self.maxLength))
        self.k = min(max(k, 1), 20)
        self.publicOnly = publicOnly
        self.category = category
        self.candidates = min(max(candidates, k, 10), 200)
    }
}

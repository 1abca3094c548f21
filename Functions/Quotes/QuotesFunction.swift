public import SharedPlatform

/// The `quotes` function: rates, pricing, quotes, PDFs, CRM and invoices (SPEC §2).
///
/// Its executable (`Functions/Main/quotes`) only calls FunctionLauncher; everything testable lives here.
public enum QuotesFunction {
    /// The executable, socket and systemd instance name.
    public static let name = "quotes"
    /// Default request-body cap (`MAX_BODY_BYTES` overrides it); nginx enforces the same limit first.
    public static let maxBodyBytes = 1 << 20

    /// Adds this function's routes to `router` (health and debug routes are added by FunctionLauncher).
    public static func routes(_ router: inout PlatformRouter) {
        QuoteHandlers.install(on: &router)
        QuoteActionHandlers.install(on: &router)
        PublicQuoteHandlers.install(on: &router)
        RateHandlers.install(on: &router)
        CRMHandlers.install(on: &router)
        InvoiceHandlers.install(on: &router)
        InvoiceDocumentHandlers.install(on: &router)
    }
}

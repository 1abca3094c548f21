internal import Runtime
internal import RuntimePDF
internal import SharedPlatform

/// The branded quote PDF: header band, customer and trip facts, the customer's request, the options (alternatives,
/// each with room, meal plan, per-person breakdown and total) or the item table, the validity date, the tenant's
/// terms and contact details. Pages break wherever needed; every page has a footer with "Page n of m".
///
/// Pure: the same view and branding always give the same layout. The validity date is the view's `validUntil`
/// (from the tenant's `quotes.validity_days`), never a constant. An unusable logo is ignored (see ``DocumentStyle``).
public enum QuotePDF {
    /// The PDF bytes for `quote` in `branding`'s colours, logo and terms.
    /// - Throws: `PDFError` when cairo fails (out of memory); never for any content of the view.
    public static func render(_ quote: QuoteView, branding: DocumentBranding) throws -> [UInt8] {
        let style = DocumentStyle(branding)
        let metadata = PDFMetadata(title: "Travel Quote \(quote.quoteID)", author: branding.companyName,
                                   subject: "Travel quote for \(quote.customerName)")
        return try PDFFlow.render(metadata: metadata, footer: style.footer("Quote \(quote.quoteID)")) { flow in
            style.drawHeaderBand(flow, title: "Travel Quote", lines: [
                "Quote \(quote.quoteID)", "Date: \(quote.createdOn.formatted)",
                "Valid until: \(quote.validUntil.formatted)",
            ])
            style.drawColumns([customerColumn(quote), tripColumn(quote)], flow)
            let request = DocumentStyle.trimmed(quote.message)
            if !request.isEmpty {
                style.heading("Your request", flow)
                flow.text(request, font: DocumentStyle.body, color: style.text, spacingAfter: 14)
            }
            drawOptions(quote.options, style, flow)
            drawClosing(quote, style, flow)
        }
    }

    static func customerColumn(_ quote: QuoteView) -> InfoColumn {
        InfoColumn("Prepared for", [
            (nil, quote.customerName, true), (nil, quote.customerEmail, false), (nil, quote.customerPhone ?? "", false),
        ])
    }

    static func tripColumn(_ quote: QuoteView) -> InfoColumn {
        InfoColumn("Your trip", [
            ("Destination", quote.destination ?? "", true),
            ("Check-in", quote.checkIn?.formatted ?? "", false),
            ("Check-out", quote.checkOut?.formatted ?? "", false),
            ("Nights", quote.nights.map(String.init) ?? "", false),
            ("Guests", guests(quote), false),
            ("Rooms", quote.rooms > 0 ? String(quote.rooms) : "", false),
        ])
    }

    /// `2 adults, 2 children (ages 1 and 9)`.
    static func guests(_ quote: QuoteView) -> String {
        var parts = [quote.adults == 1 ? "1 adult" : "\(quote.adults) adults"]
        if quote.children > 0 {
            var children = quote.children == 1 ? "1 child" : "\(quote.children) children"
            if !quote.childrenAges.isEmpty {
                let ages = quote.childrenAges.map(String.init)
                let list = ages.count == 1
                    ? ages[0] : ages.dropLast().joined(separator: ", ") + " and " + (ages.last ?? "")
                children += ages.count == 1 ? " (age \(list))" : " (ages \(list))"
            }
            parts.append(children)
        }
        return parts.joined(separator: ", ")
    }

    /// The validity line, terms, and who to contact.
    static func drawClosing(_ quote: QuoteView, _ style: DocumentStyle, _ flow: PDFFlow) {
        flow.space(6)
        flow.ensureSpace(40)
        flow.text("This quote is valid until \(quote.validUntil.formatted).", font: DocumentStyle.bodyBold,
                  color: style.accent, spacingAfter: 14)
        let terms = DocumentStyle.trimmed(style.branding.terms)
        if !terms.isEmpty {
            style.heading("Terms and conditions", flow)
            flow.text(terms, font: DocumentStyle.small, color: style.text, spacingAfter: 14)
        }
        var contact: [String] = []
        if let name = quote.consultantName, !name.isEmpty {
            contact.append("Your consultant: " + ([name] + [quote.consultantEmail ?? ""].filter { !$0.isEmpty })
                .joined(separator: " · "))
        } else if let email = quote.consultantEmail, !email.isEmpty {
            contact.append("Your consultant: \(email)")
        }
        contact += style.branding.contactLines
        if let url = quote.shareURL, !url.isEmpty { contact.append("View this quote online: \(url)") }
        guard !contact.isEmpty else { return }
        style.heading("Contact us", flow, keepWith: 14)
        for line in contact { flow.text(line, font: DocumentStyle.body, color: style.text, spacingAfter: 2) }
    }
}

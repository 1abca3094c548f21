internal import CPangoCairo

/// Owns one cairo PDF surface (`cairo_surface_t*`) that writes into memory, and the buffer it writes into.
///
/// Ownership: `cairo_pdf_surface_create_for_stream` in `init` (which throws when the surface is in error, after
/// destroying it), `cairo_surface_destroy` in `deinit`, exactly once. The ``Sink`` is a stored property, so it
/// outlives every write cairo makes, including the final flush inside `cairo_surface_destroy` of an unfinished
/// surface. Threading: one thread; not Sendable.
/// See https://www.cairographics.org/manual/cairo-PDF-Surfaces.html.
final class CairoPDFSurface {
    /// Receives cairo's output; with `keep == false` it only counts (a layout pass whose bytes are not needed).
    final class Sink {
        let keep: Bool
        private(set) var bytes: [UInt8] = []
        private(set) var count = 0

        init(keep: Bool) { self.keep = keep }

        func append(_ data: UnsafeBufferPointer<UInt8>) {
            count += data.count
            if keep { bytes.append(contentsOf: data) }
        }
    }

    let raw: OpaquePointer
    let sink: Sink

    /// A surface of `width` × `height` points whose first page is open.
    /// - Throws: ``PDFError/Code/cairo`` when cairo cannot create the surface.
    init(width: Double, height: Double, keepOutput: Bool) throws(PDFError) {
        let sink = Sink(keep: keepOutput)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
                .append(UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, width, height)
        guard let surface else { throw PDFError(.cairo, detail: "cairo_pdf_surface_create_for_stream returned NULL") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw PDFError(.cairo, detail: Self.message(status))
        }
        raw = surface
        self.sink = sink
    }

    deinit { cairo_surface_destroy(raw) }

    /// Sets one info-dictionary entry (`cairo_pdf_surface_set_metadata`, cairo ≥ 1.16); empty values are skipped.
    func setMetadata(_ metadata: PDFMetadata) {
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
                             (CAIRO_PDF_METADATA_SUBJECT, metadata.subject)] where !value.isEmpty {
            cairo_pdf_surface_set_metadata(raw, key, PDFText.clean(value))
        }
    }

    /// Writes the trailer (`cairo_surface_finish`); the surface accepts no drawing afterwards.
    /// - Throws: ``PDFError/Code/cairo`` with cairo's message when any drawing or write failed.
    func finish() throws(PDFError) {
        cairo_surface_finish(raw)
        let status = cairo_surface_status(raw)
        guard status == CAIRO_STATUS_SUCCESS else { throw PDFError(.cairo, detail: Self.message(status)) }
    }

    /// cairo's text for `status` (a static string), copied out.
    static func message(_ status: cairo_status_t) -> String {
        cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo status \(status.rawValue)"
    }
}

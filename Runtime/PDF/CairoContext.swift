internal import CPangoCairo

/// Owns one cairo drawing context (`cairo_t*`) on a surface, which it keeps alive.
///
/// Ownership: `cairo_create` in `init` (which throws when the context is in error, after destroying it),
/// `cairo_destroy` in `deinit`, exactly once. cairo errors are sticky: a failed drawing call puts the context in
/// error, and ``status()`` or the surface's finish reports it. Threading: one thread; not Sendable.
/// See https://www.cairographics.org/manual/cairo-cairo-t.html.
final class CairoContext {
    let raw: OpaquePointer
    private let surface: CairoPDFSurface

    /// - Throws: ``PDFError/Code/cairo`` when cairo cannot create the context.
    init(surface: CairoPDFSurface) throws(PDFError) {
        guard let context = cairo_create(surface.raw) else {
            throw PDFError(.cairo, detail: "cairo_create returned NULL")
        }
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            throw PDFError(.cairo, detail: CairoPDFSurface.message(status))
        }
        raw = context
        self.surface = surface
    }

    deinit { cairo_destroy(raw) }

    /// The context's sticky status.
    /// - Throws: ``PDFError/Code/cairo`` with cairo's message unless it is `CAIRO_STATUS_SUCCESS`.
    func status() throws(PDFError) {
        let status = cairo_status(raw)
        guard status == CAIRO_STATUS_SUCCESS else { throw PDFError(.cairo, detail: CairoPDFSurface.message(status)) }
    }

    func setColor(_ color: PDFColor) { cairo_set_source_rgb(raw, color.red, color.green, color.blue) }

    func fill(x: Double, y: Double, width: Double, height: Double, color: PDFColor) {
        setColor(color)
        cairo_rectangle(raw, x, y, width, height)
        cairo_fill(raw)
    }

    func strokeLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: PDFColor,
                    lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(raw, lineWidth)
        cairo_move_to(raw, start.x, start.y)
        cairo_line_to(raw, end.x, end.y)
        cairo_stroke(raw)
    }

    func strokeRect(x: Double, y: Double, width: Double, height: Double, color: PDFColor, lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(raw, lineWidth)
        cairo_rectangle(raw, x, y, width, height)
        cairo_stroke(raw)
    }

    /// Moves to (`x`, `y`) and draws `layout` there in `color` (its top-left corner).
    func show(_ layout: PangoTextLayout, x: Double, y: Double, color: PDFColor) {
        setColor(color)
        cairo_move_to(raw, x, y)
        pango_cairo_show_layout(raw, layout.raw)
    }

    /// Paints `image` scaled by `scale` with its top-left corner at (`x`, `y`); the transformation is restored.
    func paint(_ image: PDFImage, x: Double, y: Double, scale: Double) {
        cairo_save(raw)
        cairo_translate(raw, x, y)
        cairo_scale(raw, scale, scale)
        cairo_set_source_surface(raw, image.raw, 0, 0)
        cairo_paint(raw)
        cairo_restore(raw)
    }

    /// Ends the current page and starts a new one of the same size (`cairo_show_page`).
    func showPage() { cairo_show_page(raw) }
}

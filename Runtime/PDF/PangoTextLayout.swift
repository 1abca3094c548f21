internal import CPangoCairo

/// Owns one pango layout (`PangoLayout*`, a GObject) made for a cairo context, plus the font descriptions it has
/// used (`PangoFontDescription*`, one ``PangoFont`` per ``PDFFont``).
///
/// Text is always set with `pango_layout_set_text`, never as markup, so `<b>` or `&` in user text prints
/// literally. Ownership: `pango_cairo_create_layout` in `init`, `g_object_unref` in `deinit`, exactly once; the
/// layout keeps its own copy of the last font description. The context is kept alive and is never transformed
/// while text is drawn, so `pango_cairo_update_layout` is not needed after creation. Threading: one thread; not
/// Sendable. See https://docs.gtk.org/Pango/class.Layout.html and https://docs.gtk.org/PangoCairo/.
final class PangoTextLayout {
    let raw: OpaquePointer
    private let context: CairoContext
    private var fonts: [PDFFont: PangoFont] = [:]

    /// - Throws: ``PDFError/Code/cairo`` when pango returns no layout.
    init(context: CairoContext) throws(PDFError) {
        guard let layout = pango_cairo_create_layout(context.raw) else {
            throw PDFError(.cairo, detail: "pango_cairo_create_layout returned NULL")
        }
        raw = layout
        self.context = context
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(raw)) }

    /// Lays out `text` (already ``PDFText/clean(_:)``ed) in `font`, wrapped at word boundaries (characters when a
    /// word is wider than the line) to `width` points; `width <= 0` means one unwrapped line per paragraph.
    /// - Throws: ``PDFError/Code/cairo`` when pango cannot allocate a font description.
    func set(_ text: String, font: PDFFont, width: Double, alignment: PDFAlignment) throws(PDFError) {
        let description: PangoFont
        if let cached = fonts[font] {
            description = cached
        } else {
            description = try PangoFont(font)
            fonts[font] = description
        }
        pango_layout_set_font_description(raw, description.raw)
        pango_layout_set_width(raw, width > 0 ? Self.units(width) : -1)
        pango_layout_set_wrap(raw, PANGO_WRAP_WORD_CHAR)
        let pangoAlignment = switch alignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(raw, pangoAlignment)
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                pango_layout_set_text(raw, chars.baseAddress, Int32(clamping: chars.count))
            }
        }
    }

    /// The laid-out text's logical size in points.
    var size: (width: Double, height: Double) {
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_size(raw, &width, &height)
        return (Double(width) / Double(PANGO_SCALE), Double(height) / Double(PANGO_SCALE))
    }

    /// The UTF-8 byte offset at which each laid-out line starts (the first is 0).
    var lineStarts: [Int] {
        (0..<pango_layout_get_line_count(raw)).compactMap { index in
            pango_layout_get_line_readonly(raw, index).map { Int(pango_layout_line_get_start_index($0)) }
        }
    }

    /// Points to pango units, clamped to what an `int` holds.
    static func units(_ points: Double) -> Int32 {
        let value = (points * Double(PANGO_SCALE)).rounded()
        return value.isFinite ? Int32(clamping: Int64(max(min(value, Double(Int32.max)), 0))) : 0
    }
}

/// Owns one `PangoFontDescription*`: `pango_font_description_new` in `init`, `pango_font_description_free` in
/// `deinit`. The size is absolute (points, since a cairo PDF surface's unit is the point), not scaled by the
/// font map's 96 dpi resolution. Threading: one thread; not Sendable.
final class PangoFont {
    let raw: OpaquePointer

    /// - Throws: ``PDFError/Code/cairo`` if pango returns NULL (in practice it aborts on allocation failure).
    init(_ font: PDFFont) throws(PDFError) {
        guard let description = pango_font_description_new() else {
            throw PDFError(.cairo, detail: "pango_font_description_new returned NULL")
        }
        raw = description
        pango_font_description_set_family(raw, PDFText.clean(font.family))
        pango_font_description_set_absolute_size(raw, Double(PangoTextLayout.units(min(max(font.size, 1), 500))))
        pango_font_description_set_weight(raw, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(raw, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    }

    deinit { pango_font_description_free(raw) }
}

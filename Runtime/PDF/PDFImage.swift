internal import CPangoCairo

/// A decoded PNG ready to draw into any ``PDFDocument`` (e.g. a tenant's logo, decoded once per render).
///
/// Owns one cairo image surface (`cairo_surface_t*`): created by `cairo_image_surface_create_from_png_stream` in
/// `init`, destroyed by `cairo_surface_destroy` in `deinit`, exactly once. Before decoding, the signature and the
/// `IHDR` dimensions are checked, so a non-PNG or an oversized image (a decompression bomb) is refused without
/// allocating its pixels. Threading: one thread; not Sendable.
/// See https://www.cairographics.org/manual/cairo-PNG-Support.html.
public final class PDFImage {
    /// The largest PNG file accepted, in bytes (5 MiB, the logo upload limit).
    public static let maxBytes = 5 << 20
    /// The largest width or height accepted, in pixels.
    public static let maxSide = 4096

    /// Width in pixels.
    public let pixelWidth: Int
    /// Height in pixels.
    public let pixelHeight: Int
    let raw: OpaquePointer

    /// Decodes `png`.
    /// - Throws: ``PDFError/Code/invalidImage`` for anything that is not a decodable PNG;
    ///   ``PDFError/Code/imageTooLarge`` past ``maxBytes`` or ``maxSide``.
    public init(png: [UInt8]) throws(PDFError) {
        guard png.count <= Self.maxBytes else {
            throw PDFError(.imageTooLarge, detail: "PNG of \(png.count) bytes exceeds \(Self.maxBytes)")
        }
        let (width, height) = try Self.dimensions(png)
        guard width <= Self.maxSide, height <= Self.maxSide else {
            throw PDFError(.imageTooLarge, detail: "PNG of \(width)×\(height) pixels exceeds \(Self.maxSide) a side")
        }
        let reader = Reader(png)
        let closure = Unmanaged.passUnretained(reader).toOpaque()
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                return reader.read(into: data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
            }, closure)
        }
        guard let surface else { throw PDFError(.invalidImage, detail: "cairo returned no image surface") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw PDFError(.invalidImage, detail: CairoPDFSurface.message(status))
        }
        raw = surface
        pixelWidth = Int(cairo_image_surface_get_width(surface))
        pixelHeight = Int(cairo_image_surface_get_height(surface))
    }

    deinit { cairo_surface_destroy(raw) }

    /// Width and height from the PNG signature and the `IHDR` chunk that must follow it.
    private static func dimensions(_ png: [UInt8]) throws(PDFError) -> (width: Int, height: Int) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard png.count >= 33, Array(png[0..<8]) == signature, Array(png[12..<16]) == Array("IHDR".utf8) else {
            throw PDFError(.invalidImage, detail: "not a PNG (signature or IHDR missing)")
        }
        func bigEndian(_ offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = bigEndian(16), height = bigEndian(20)
        guard width > 0, height > 0 else { throw PDFError(.invalidImage, detail: "PNG with a zero dimension") }
        return (width, height)
    }

    /// Feeds cairo's PNG reader from memory; a short read fails (cairo asks for exact lengths).
    private final class Reader {
        private let bytes: [UInt8]
        private var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
            guard count <= bytes.count - offset else { return false }
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { destination.update(from: base + offset, count: count) }
            }
            offset += count
            return true
        }
    }
}

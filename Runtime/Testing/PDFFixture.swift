/// Builds small, valid PDF files in memory (Helvetica text pages, an optional unreferenced padding stream), so
/// tests need no binary fixtures and no PDF library.
public enum PDFFixture {
    /// One page per element; each page's lines are shown top to bottom.
    public static func make(pages: [[String]], paddingBytes: Int = 0) -> [UInt8] {
        var objects: [[UInt8]] = []
        objects.append(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        objects.append(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".utf8))
        for (index, lines) in pages.enumerated() {
            let shown = lines.map { "(" + escape($0) + ") '" }.joined(separator: " ")
            let content = Array("BT /F1 11 Tf 72 760 Td 14 TL \(shown) ET".utf8)
            objects.append(Array(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                + "/Contents \(5 + 2 * index) 0 R >>").utf8))
            objects.append(stream(content))
        }
        if paddingBytes > 0 {
            var padding = [UInt8](repeating: 0, count: paddingBytes)
            var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in padding.indices {
                seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
                padding[index] = UInt8(truncatingIfNeeded: seed)
            }
            objects.append(stream(padding))
        }
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (number, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(number + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    private static func stream(_ content: [UInt8]) -> [UInt8] {
        Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("\nendstream".utf8)
    }

    private static func escape(_ line: String) -> String {
        var out = ""
        for char in line {
            if char == "(" || char == ")" || char == "\\" { out.append("\\") }
            out.append(char.isASCII ? char : "?")
        }
        return out
    }
}

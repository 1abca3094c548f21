internal import Runtime

/// Walks a MIME tree and collects its text bodies and its files, within ``InboundParser/Limits``.
///
/// text/plain and text/html parts that are not attachments become body text (in order, several joined); a
/// part with a filename, `Content-Disposition: attachment`, or a non-text type becomes an attachment (inline
/// images included); message/rfc822 becomes a `forwarded.eml` attachment and its text stays out of the body.
struct MessageBody {
    var plain: [String] = []
    var html: [String] = []
    var attachments: [InboundAttachment] = []
    private var partCount = 0
    private var decodedBytes = 0
    private let limits: InboundParser.Limits

    init(limits: InboundParser.Limits) { self.limits = limits }

    /// Adds `entity` and everything under it.
    mutating func walk(_ entity: MIMEEntity, depth: Int = 0, defaultType: String = "text/plain")
        throws(InboundParseError)
    {
        partCount += 1
        guard partCount <= limits.maxParts else {
            throw InboundParseError(.tooManyParts, "The message has more than \(limits.maxParts) MIME parts.")
        }
        guard depth <= limits.maxDepth else {
            throw InboundParseError(.tooDeep, "The message nests multiparts deeper than \(limits.maxDepth) levels.")
        }
        let type = entity.contentType(default: defaultType)
        if type.value.hasPrefix("multipart/"), let boundary = type["boundary"], !boundary.isEmpty {
            let childDefault = type.value == "multipart/digest" ? "message/rfc822" : "text/plain"
            for part in MultipartBody.parts(entity.body, boundary: boundary) {
                try walk(MIMEEntity(part), depth: depth + 1, defaultType: childDefault)
            }
            return
        }
        let bytes = entity.decodedBody
        decodedBytes += bytes.count
        guard decodedBytes <= limits.maxBytes else {
            throw InboundParseError(.tooLarge, "The message's decoded parts are larger than \(limits.maxBytes) bytes.")
        }
        let disposition = entity.disposition
        let filename = disposition?["filename"] ?? type["name"]
        let isAttachment = disposition?.value == "attachment" || filename != nil
        let isPlain = type.value == "text/plain" || type.value.hasPrefix("multipart/")  // multipart without boundary
        switch type.value {
        case _ where isPlain && !isAttachment:
            plain.append(Self.unflowed(Charset.decode(bytes, charset: type["charset"]), type: type))
        case "text/html" where !isAttachment:
            html.append(Charset.decode(bytes, charset: type["charset"]))
        case "message/rfc822", "message/global":
            attachments.append(InboundAttachment(filename: "forwarded.eml", contentType: type.value, bytes: bytes))
        default:
            attachments.append(
                InboundAttachment(
                    filename: filename.map(Self.safeName) ?? Self.generatedName(attachments.count + 1, type.value),
                    contentType: type.value, contentID: entity["content-id"].map(MessageIDs.strip),
                    isInline: disposition?.value == "inline" || (disposition == nil && entity["content-id"] != nil),
                    bytes: bytes))
        }
    }

    /// RFC 3676 `format=flowed`: a line ending in a space continues on the next (`delsp=yes` drops the space).
    static func unflowed(_ text: String, type: MIMEParameters) -> String {
        guard type["format"]?.lowercased() == "flowed" else { return text }
        let deleteSpace = type["delsp"]?.lowercased() == "yes"
        var out = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, original) in lines.enumerated() where number < lines.count - 1 || !original.isEmpty {
            var line = original.hasPrefix(" ") ? original.dropFirst() : original  // space-stuffing
            if line.hasSuffix(" "), line != "-- " {
                if deleteSpace { line = line.dropLast() }
                out += line
            } else {
                out += line + "\n"
            }
        }
        if !text.hasSuffix("\n"), out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// The decoded name without path separators or control characters, at most 255 characters.
    static func safeName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            base.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.prefix(255)
                .map(Character.init)
        ).trimmingWhitespace
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "attachment" : cleaned
    }

    static func generatedName(_ number: Int, _ type: String) -> String {
        let known = [
            "application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
            "text/calendar": ".ics", "text/plain": ".txt", "text/html": ".html", "text/csv": ".csv",
        ]
        return "attachment-\(number)" + (known[type] ?? "")
    }
}

/// Message ids in `Message-ID`, `In-Reply-To` and `References`.
enum MessageIDs {
    /// Every `<…>` id in `value`; whitespace-separated words when there are no angle brackets.
    static func all(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            let id = rest[afterOpen..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty, !value.contains("<") {
            ids = value.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        }
        return ids.filter { $0.count <= 998 }
    }

    /// The id without angle brackets or surrounding space.
    static func strip(_ value: String) -> String {
        all(value).first ?? value.trimmingWhitespace
    }
}

import Runtime

/// Turns the parsed form's file parts (`attachment1` … `attachmentN`) into ``InboundAttachment``s.
enum PostAttachments {
    /// One attachment per part, in order. `attachment-info` (`{"attachment1": {"filename", "name", "type",
    /// "content-id"}}`) gives the name, type and Content-ID when present; otherwise the part's own filename and
    /// Content-Type. A part named in `content-ids` (`{"<content-id>": "attachmentN"}`) is inline.
    static func files(_ parts: [MultipartPart], info: [UInt8]?, contentIDs: [UInt8]?) -> [InboundAttachment] {
        let info = JSONFields.object(info)
        let contentIDMap = JSONFields.strings(contentIDs)  // {"<content-id>": "attachmentN"}
        let inlineIDs = Set(contentIDMap.keys.map(MessageIDs.strip))
        let inlineFields = Set(contentIDMap.values)
        return parts.enumerated().map { offset, part in
            let details: [String: String] =
                if case .object(let members) = info[part.name] {
                    members.compactMapValues(JSONFields.string)
                } else {
                    [:]
                }
            let type = (details["type"] ?? part.contentType).map { MIMEParameters($0).value } ?? ""
            let contentType = type.contains("/") ? type : "application/octet-stream"
            let name = (details["filename"] ?? details["name"] ?? part.filename).map(EncodedWord.decode)
            let contentID =
                details["content-id"].map(MessageIDs.strip)
                ?? contentIDMap.first { $0.value == part.name }.map { MessageIDs.strip($0.key) }
            return InboundAttachment(
                filename: name.map(MessageBody.safeName) ?? MessageBody.generatedName(offset + 1, contentType),
                contentType: contentType, contentID: contentID,
                isInline: inlineFields.contains(part.name) || contentID.map { inlineIDs.contains($0) } ?? false,
                bytes: part.body)
        }
    }
}

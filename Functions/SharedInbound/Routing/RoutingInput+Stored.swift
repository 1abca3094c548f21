extension RoutingInput {
    /// The routing facts of a stored post (`inbound_messages.fields`: its text fields as posted) — the raw form's
    /// `email` when present, else the parsed form's fields; `envelope` applies to both. Nil when the post holds no
    /// readable mail (it cannot be routed by its content then, only by `urlTenant`).
    public init?(storedFields fields: [String: String], urlTenant: String?) {
        let message: InboundMessage
        do {
            if let raw = fields["email"] {
                var parsed = try InboundParser.raw(Array(raw.utf8))
                if let envelope = fields["envelope"] { parsed.envelopeTo = JSONFields.envelope(Array(envelope.utf8)).to }
                message = parsed
            } else {
                message = try InboundParser.parsed(fields: fields, files: [])
            }
        } catch {
            return nil
        }
        self.init(message: message, urlTenant: urlTenant)
    }
}

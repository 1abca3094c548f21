internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InboundPipeline {
    /// Step 1 on a platform connection: lock, rebuild, loop guard, route. Status changes commit with the caller's
    /// transaction.
    func prepare(_ id: String, on connection: PGConnection) throws -> Prepared {
        guard (try? Validate.uuid(id)) != nil, let record = try InboundRecord.load(id, on: connection) else {
            return .finished(.notFound)
        }
        if record.status == "processed" || record.status == "ignored" {
            return .finished(.alreadyDone(status: record.status))
        }
        let message: InboundMessage
        do {
            message = try record.message()
        } catch {
            let reason = "The stored mail cannot be read: \(error.code)."
            try InboundRecord.mark(id, status: "dead", error: reason, on: connection)
            return .finished(.dead(reason: reason))
        }
        if let reason = InboundLoopGuard.reason(for: message) {
            try InboundRecord.mark(id, status: "ignored", error: "Not answered: \(reason)", on: connection)
            return .finished(.ignored(reason: reason))
        }
        let input = RoutingInput(
            recipients: (message.to + message.cc).map(\.address), envelopeTo: message.envelopeTo,
            tenantHeader: message.header("X-Tenant-ID")?.trimmingWhitespace, subject: message.subject,
            urlTenant: record.urlTenant)
        let outcome = try TenantResolver.resolve(input, inboundDomain: inboundDomain, on: connection)
        guard let resolution = outcome.resolution else {
            let explanation = Self.explain(outcome.tried, input: input)
            try InboundRecord.mark(id, status: "unroutable", error: explanation, on: connection)
            return .finished(.unroutable(explanation: explanation))
        }
        try InboundRecord.mark(id, status: "processing", tenant: resolution.tenantID, error: nil, on: connection)
        return .routed(Routed(message: message, resolution: resolution))
    }

    /// A readable account of a failed routing, for platform admins (`last_error` of an unroutable message).
    static func explain(_ tried: [String], input: RoutingInput) -> String {
        let recipients = (input.recipients + input.envelopeTo).map { $0.lowercased() }
        var seen: Set<String> = []
        let unique = recipients.filter { seen.insert($0).inserted }
        var text = "No active tenant claims this message"
        text +=
            unique.isEmpty
            ? " (it names no recipient)." : " (recipients: \(unique.prefix(10).joined(separator: ", ")))."
        if !tried.isEmpty { text += " Tried: " + tried.joined(separator: "; ") + "." }
        text += " Add the address to a tenant (email.support_address or a routing alias), then re-process."
        return String(text.prefix(2000))
    }
}

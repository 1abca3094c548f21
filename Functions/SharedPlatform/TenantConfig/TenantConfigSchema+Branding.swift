internal import Runtime

extension TenantConfigSchema {
    static func brandingDefaults(companyName: String) -> JSONValue {
        .object([
            "company_name": .string(companyName),
            "logo_url": .null,
            "primary_color": .string("#2E86AB"),
            "secondary_color": .string("#4ECDC4"),
            "accent_color": .string("#F18F01"),
            "email_signature": .string(""),
        ])
    }

    /// `branding` — how PDFs and emails look.
    /// - `company_name`: 1–200 characters.
    /// - `logo_url`: `null` or an `https://` URL of at most 2048 characters.
    /// - `primary_color`, `secondary_color`, `accent_color`: `#RRGGBB` (any case; stored upper-case).
    ///   Defaults `#2E86AB`, `#4ECDC4`, `#F18F01`.
    /// - `email_signature`: at most 2000 characters, may be empty.
    static func validateBranding(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var branding = try TenantConfigObject(
            value, at: path,
            keys: [
                "company_name", "logo_url", "primary_color", "secondary_color", "accent_color", "email_signature",
            ])
        try branding.string("company_name", length: 1...200)
        try branding.nullable("logo_url", format: httpsURL)
        try branding.string("primary_color", format: hexColor)
        try branding.string("secondary_color", format: hexColor)
        try branding.string("accent_color", format: hexColor)
        try branding.string("email_signature", length: 0...2000)
        return branding.result
    }

    static func emailDefaults(fromName: String) -> JSONValue {
        .object([
            "support_address": .null, "from_address": .null, "reply_to": .null, "from_name": .string(fromName),
            "primary_address": .null, "inbound_subuser": .null,
        ])
    }

    /// `email` — who the tenant's emails come from.
    /// - `support_address`, `from_address`, `reply_to`: `null` or an email address (one `@`, a non-empty local
    ///   part, a dot inside the domain, no spaces, at most 254 characters); stored lower-case.
    /// - `from_name`: at most 100 characters (default: the company name).
    /// - `primary_address`: `null` or an email address (as above): the tenant's main mailbox; inbound mail to it
    ///   routes to the tenant (after `support_address` and the inbound-domain address).
    /// - `inbound_subuser`: `null` or `^[a-z0-9][a-z0-9._-]{0,63}$` (any case; stored lower-case): mail to
    ///   `<inbound_subuser>@<INBOUND_EMAIL_DOMAIN>` routes to the tenant; unset, the tenant id stands in for it.
    ///
    /// Two tenants may store the same routing address (no cross-tenant check at write time): inbound routing then
    /// picks the first by tenant id and platform-admin diagnostics (`GET /api/v1/inbound/admin/route`) show the clash.
    static func validateEmail(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var email = try TenantConfigObject(
            value, at: path,
            keys: [
                "support_address", "from_address", "reply_to", "from_name", "primary_address", "inbound_subuser",
            ])
        try email.nullable("support_address", format: emailAddress)
        try email.nullable("from_address", format: emailAddress)
        try email.nullable("reply_to", format: emailAddress)
        try email.string("from_name", length: 0...100)
        try email.nullable("primary_address", fallback: .null, format: emailAddress)
        try email.nullable("inbound_subuser", fallback: .null, format: mailboxName)
        return email.result
    }

    /// A mailbox name for the inbound domain, returned lower-case: `^[a-z0-9][a-z0-9._-]{0,63}$` after lower-casing.
    static func mailboxName(_ text: String, at path: String) throws(HTTPError) -> String {
        let name = text.lowercased()
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        guard (1...64).contains(bytes.count), allowed, let first = bytes.first,
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else {
            throw .invalid(path, "Must be 1 to 64 of a-z, 0-9, '.', '_' or '-', starting with a letter or digit.")
        }
        return name
    }

    /// `#RRGGBB` in any case, returned upper-case.
    static func hexColor(_ text: String, at path: String) throws(HTTPError) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"), bytes.dropFirst().allSatisfy(isHexDigit) else {
            throw .invalid(path, "Must be a colour like #2E86AB.")
        }
        return text.uppercased()
    }

    /// An `https://` URL with a host, no whitespace, at most 2048 bytes.
    static func httpsURL(_ text: String, at path: String) throws(HTTPError) -> String {
        let scheme = "https://"
        let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard text.utf8.count <= 2048, text.lowercased().hasPrefix(scheme), !host.isEmpty,
            !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
        else {
            throw .invalid(path, "Must be an https:// URL of at most 2048 characters.")
        }
        return text
    }

    /// A plausible email address, returned lower-case: one `@`, a non-empty local part, a domain with a dot
    /// (not at either end, never two in a row), no whitespace or control characters, at most 254 bytes.
    static func emailAddress(_ text: String, at path: String) throws(HTTPError) -> String {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let domain = parts.count == 2 ? parts[1] : ""
        let plausible =
            parts.count == 2 && !parts[0].isEmpty && text.utf8.count <= 254
            && domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
        guard plausible else { throw .invalid(path, "Must be an email address like name@example.com.") }
        return text.lowercased()
    }

    /// Whether `byte` is an ASCII hex digit.
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}

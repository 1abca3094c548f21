/// The claims set of a JSON Web Token that the platform reads or issues (RFC 7519 §4).
///
/// Times are NumericDates: whole seconds since the Unix epoch (a fractional time fails to decode, so such a
/// token is rejected as malformed). `aud` decodes from a string or an array of strings and encodes as a
/// single string when it holds one. Unknown claims are ignored when decoding and absent ones are not encoded.
/// A value returned by ``JWTVerifier/verify(_:now:)`` always has a non-empty `sub` and an `exp`.
public struct JWTClaims: Codable, Sendable, Equatable {
    /// The subject (user id); empty when the token has none.
    public var sub: String
    /// The tenant the subject acts for (`tenant_id`).
    public var tenantID: String?
    /// The subject's role within the tenant (`admin`, `consultant`; Supabase: `authenticated`, …).
    public var role: String?
    public var iss: String?
    /// The audiences; empty when the token has none.
    public var aud: [String]
    /// Expiry, in seconds since the epoch.
    public var exp: Int?
    /// Not-before time, in seconds since the epoch.
    public var nbf: Int?
    /// Issue time, in seconds since the epoch.
    public var iat: Int?
    /// A unique token id.
    public var jti: String?
    public var email: String?

    public init(
        sub: String, tenantID: String? = nil, role: String? = nil, iss: String? = nil, aud: [String] = [],
        exp: Int? = nil, nbf: Int? = nil, iat: Int? = nil, jti: String? = nil, email: String? = nil
    ) {
        self.sub = sub
        self.tenantID = tenantID
        self.role = role
        self.iss = iss
        self.aud = aud
        self.exp = exp
        self.nbf = nbf
        self.iat = iat
        self.jti = jti
        self.email = email
    }

    private enum CodingKeys: String, CodingKey {
        case sub, role, iss, aud, exp, nbf, iat, jti, email
        case tenantID = "tenant_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sub = try container.decodeIfPresent(String.self, forKey: .sub) ?? ""
        tenantID = try container.decodeIfPresent(String.self, forKey: .tenantID)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        iss = try container.decodeIfPresent(String.self, forKey: .iss)
        if let single = try? container.decodeIfPresent(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decodeIfPresent([String].self, forKey: .aud) ?? []
        }
        exp = try container.decodeIfPresent(Int.self, forKey: .exp)
        nbf = try container.decodeIfPresent(Int.self, forKey: .nbf)
        iat = try container.decodeIfPresent(Int.self, forKey: .iat)
        jti = try container.decodeIfPresent(String.self, forKey: .jti)
        email = try container.decodeIfPresent(String.self, forKey: .email)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !sub.isEmpty { try container.encode(sub, forKey: .sub) }
        try container.encodeIfPresent(tenantID, forKey: .tenantID)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encodeIfPresent(iss, forKey: .iss)
        if aud.count == 1 {
            try container.encode(aud[0], forKey: .aud)
        } else if !aud.isEmpty {
            try container.encode(aud, forKey: .aud)
        }
        try container.encodeIfPresent(exp, forKey: .exp)
        try container.encodeIfPresent(nbf, forKey: .nbf)
        try container.encodeIfPresent(iat, forKey: .iat)
        try container.encodeIfPresent(jti, forKey: .jti)
        try container.encodeIfPresent(email, forKey: .email)
    }
}

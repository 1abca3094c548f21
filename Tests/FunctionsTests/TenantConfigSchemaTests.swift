import Runtime
import SharedPlatform
import Testing

@Suite struct TenantConfigSchemaTests {
    static let company = "Acme Travel"

    /// Parses a JSON document written in a test.
    static func json(_ text: String) throws -> JSONValue {
        .object(try JSONValue.object(from: Array(text.utf8)))
    }

    static var defaults: JSONValue { TenantConfigSchema.defaults(companyName: company, currency: "ZAR") }

    /// Applies `patch` to `stored` the way `PATCH /api/v1/tenant/config` does.
    static func patch(_ patch: String, stored: JSONValue? = nil) throws -> JSONValue {
        try TenantConfigSchema.patched(stored: stored, patch: json(patch), companyName: company, currency: "ZAR")
    }

    /// The 422 that applying `patch` throws, or nil when it passes.
    static func error(patching patch: String, stored: JSONValue? = nil) throws -> HTTPError? {
        let patchValue = try json(patch)
        do {
            _ = try TenantConfigSchema.patched(stored: stored, patch: patchValue, companyName: company, currency: "ZAR")
            return nil
        } catch {
            return error
        }
    }

    // MARK: Defaults and effective

    @Test func defaultsAreValidAndAlreadyNormalised() throws {
        let defaults = Self.defaults
        #expect(try TenantConfigSchema.validate(defaults) == defaults)
        #expect(defaults["branding"]?["company_name"] == .string("Acme Travel"))
        #expect(defaults["branding"]?["primary_color"] == .string("#2E86AB"))
        #expect(defaults["destinations"] == .array([]))
        #expect(defaults["email"]?["from_name"] == .string("Acme Travel"))
        #expect(defaults["quotes"]?["validity_days"] == .number(14))
        #expect(defaults["quotes"]?["auto_send"] == .bool(false))
        #expect(defaults["quotes"]?["follow_up_days"] == .number(3))
        #expect(defaults["quotes"]?["terms"]?.string?.isEmpty == false)
        #expect(defaults["inbound"] == .object(["mode": .string("ticket"), "ask_for_missing": .bool(true)]))
        #expect(defaults["agents"]?["helpdesk"]?["enabled"] == .bool(true))
        #expect(defaults["agents"]?["inbound"]?["enabled"] == .bool(false))
        #expect(defaults["agents"]?["outbound"]?["enabled"] == .bool(false))
        #expect(
            defaults["knowledge"]?["categories"]
                == .array(["general", "destinations", "policies", "faq"].map(JSONValue.string)))
        #expect(
            defaults["pricing"]
                == .object(["margin_percent": .number(0), "currency": .string("ZAR"), "round_to": .number(100)]))
        #expect(defaults["templates"]?.object?.keys.sorted() == Self.templateKeys.sorted())
        #expect(defaults["templates"]?.object?.values.allSatisfy { $0 == .null } == true)
    }

    @Test func defaultsStayValidForALongCompanyName() throws {
        let name = String(repeating: "Long Name ", count: 30)
        let defaults = TenantConfigSchema.defaults(companyName: "  \(name)", currency: "usd")
        _ = try TenantConfigSchema.validate(defaults)
        #expect(defaults["pricing"]?["currency"] == .string("USD"))
    }

    @Test func effectiveFillsKeysMissingFromAnOldStoredConfig() throws {
        let stored = try Self.json(
            """
            {"branding": {"company_name": "Old Name", "primary_color": "#112233", "logo_url": null},
             "destinations": [{"name": "Kenya", "aliases": ["Nairobi"]}, {"name": "Zanzibar"}],
             "quotes": {"validity_days": 30},
             "banking": {"bank_name": "First Bank"}}
            """)
        let config = TenantConfigSchema.effective(stored: stored, companyName: Self.company, currency: "ZAR")
        #expect(config["branding"]?["company_name"] == .string("Old Name"))
        #expect(config["branding"]?["primary_color"] == .string("#112233"))
        #expect(config["branding"]?["secondary_color"] == .string("#4ECDC4"))
        #expect(config["branding"]?["logo_url"] == .null)
        #expect(config["quotes"]?["validity_days"] == .number(30))
        #expect(config["quotes"]?["follow_up_days"] == .number(3))
        #expect(config["quotes"]?["auto_send"] == .bool(false))
        #expect(config["inbound"]?["mode"] == .string("ticket"))
        #expect(config["banking"]?["bank_name"] == .string("First Bank"))
        #expect(config["banking"]?["swift_code"] == .null)
        #expect(config["destinations"]?.array?.count == 2)
        #expect(
            config["destinations"]?.array?.last
                == .object(["name": .string("Zanzibar"), "code": .null, "enabled": .bool(true), "aliases": .array([])]))
        #expect(try TenantConfigSchema.validate(config) == config)
    }

    @Test func effectiveKeepsStoredNullsInsteadOfDeletingThem() throws {
        let stored = try Self.json(#"{"email": {"reply_to": null, "from_name": "Desk"}}"#)
        let config = TenantConfigSchema.effective(stored: stored, companyName: Self.company, currency: "ZAR")
        #expect(config["email"]?.object?.keys.sorted() == ["from_address", "from_name", "inbound_subuser", "primary_address", "reply_to", "support_address"])
        #expect(config["email"]?["reply_to"] == .null)
    }

    @Test func effectiveOfNothingOrGarbageIsTheDefaults() {
        let defaults = Self.defaults
        #expect(TenantConfigSchema.effective(stored: nil, companyName: Self.company, currency: "ZAR") == defaults)
        #expect(
            TenantConfigSchema.effective(stored: .string("x"), companyName: Self.company, currency: "ZAR")
                == defaults)
        #expect(
            TenantConfigSchema.effective(stored: .object([:]), companyName: Self.company, currency: "ZAR")
                == defaults)
    }

    // MARK: A realistic config

    static let realistic = """
        {
          "branding": {"company_name": "  Sunset Safaris  ", "logo_url": "https://cdn.sunset.example/logo.png",
                       "primary_color": "#1a2b3c", "secondary_color": "#ABCDEF", "accent_color": "#ff6600",
                       "email_signature": "Kind regards,\\nThe Sunset team\\n"},
          "destinations": [
            {"name": "Zanzibar", "code": "ZNZ", "enabled": true,
             "aliases": ["Unguja", "Stone Town", "unguja", "zanzibar", " Spice Island "]},
            {"name": "Cape Town", "code": null, "aliases": ["Kaapstad", "CPT", "Mother City"]},
            {"name": "Victoria Falls", "code": "VFA", "enabled": false, "aliases": []},
            {"name": "Mauritius", "code": "", "aliases": ["Île Maurice"]}
          ],
          "email": {"support_address": " Help@Sunset.Example ", "from_address": "quotes@sunset.example",
                    "reply_to": "", "from_name": "Sunset Safaris"},
          "banking": {"bank_name": "First National Bank", "account_name": "Sunset Safaris (Pty) Ltd",
                      "account_number": "62812345678", "branch_code": "250655", "swift_code": "FIRNZAJJ",
                      "reference_prefix": ""},
          "quotes": {"validity_days": 21, "auto_send": true, "follow_up_days": 0, "terms": " Deposit 30%. "},
          "inbound": {"mode": "draft", "ask_for_missing": false},
          "agents": {"inbound": {"enabled": true, "name": "Ayanda"},
                     "helpdesk": {"enabled": true, "name": "Helpdesk"},
                     "outbound": {"enabled": false, "name": "Caller"}},
          "knowledge": {"categories": ["general", "visas", "health"]},
          "pricing": {"margin_percent": 12.5, "currency": "USD", "round_to": 1000},
          "templates": {"quote_email_subject": "{{company.name}}: your {{trip.destination}} quote",
                        "quote_email_text": null, "quote_email_html": null, "invoice_email_subject": null,
                        "invoice_email_text": "Dear {{customer.name}},\\n{{amount_due}} is due on {{invoice.due_date}}.",
                        "invoice_email_html": ""},
          "voice": {"phone_number": "+27215550100", "forward_to": null, "greeting": "Sunset Safaris, good day.",
                    "vapi_assistant_id": null}
        }
        """

    @Test func aRealisticConfigPassesAndIsNormalised() throws {
        let config = try TenantConfigSchema.validate(Self.json(Self.realistic))
        #expect(config["branding"]?["company_name"] == .string("Sunset Safaris"))
        #expect(config["branding"]?["primary_color"] == .string("#1A2B3C"))
        #expect(config["branding"]?["accent_color"] == .string("#FF6600"))
        #expect(config["branding"]?["email_signature"] == .string("Kind regards,\nThe Sunset team"))
        let destinations = try #require(config["destinations"]?.array)
        #expect(destinations.count == 4)
        #expect(destinations[0]["aliases"] == .array(["Unguja", "Stone Town", "Spice Island"].map(JSONValue.string)))
        #expect(destinations[1]["enabled"] == .bool(true))
        #expect(destinations[1]["code"] == .null)
        #expect(destinations[2]["enabled"] == .bool(false))
        #expect(destinations[3]["code"] == .null)
        #expect(destinations[3]["aliases"] == .array([.string("Île Maurice")]))
        #expect(config["email"]?["support_address"] == .string("help@sunset.example"))
        #expect(config["email"]?["reply_to"] == .null)
        #expect(config["banking"]?["swift_code"] == .string("FIRNZAJJ"))
        #expect(config["banking"]?["reference_prefix"] == .null)
        #expect(config["pricing"]?["margin_percent"] == .number(12.5))
        #expect(config["inbound"]?["mode"] == .string("draft"))
        #expect(config["quotes"]?["terms"] == .string("Deposit 30%."))
        #expect(
            config["templates"]?["quote_email_subject"] == .string("{{company.name}}: your {{trip.destination}} quote"))
        #expect(config["templates"]?["invoice_email_html"] == .null)
        // Normalising is idempotent.
        #expect(try TenantConfigSchema.validate(config) == config)
    }

    // MARK: One failing case per rule

    static let failures: [(patch: String, field: String)] = [
        (#"{"branding": {"company_name": "   "}}"#, "branding.company_name"),
        (#"{"branding": {"company_name": "\#(String(repeating: "a", count: 201))"}}"#, "branding.company_name"),
        (#"{"branding": {"company_name": 5}}"#, "branding.company_name"),
        (#"{"branding": {"logo_url": "http://cdn.example/logo.png"}}"#, "branding.logo_url"),
        (#"{"branding": {"logo_url": "https:///logo.png"}}"#, "branding.logo_url"),
        (
            #"{"branding": {"logo_url": "https://cdn.example/\#(String(repeating: "a", count: 2030))"}}"#,
            "branding.logo_url"
        ),
        (#"{"branding": {"logo_url": "https://cdn.example/my logo.png"}}"#, "branding.logo_url"),
        (#"{"branding": {"logo_url": false}}"#, "branding.logo_url"),
        (##"{"branding": {"primary_color": "#12345"}}"##, "branding.primary_color"),
        (#"{"branding": {"secondary_color": "teal"}}"#, "branding.secondary_color"),
        (##"{"branding": {"accent_color": "#GG0000"}}"##, "branding.accent_color"),
        (#"{"branding": {"email_signature": "\#(String(repeating: "s", count: 2001))"}}"#, "branding.email_signature"),
        (##"{"branding": {"primary_colour": "#112233"}}"##, "branding.primary_colour"),
        (#"{"branding": []}"#, "branding"),
        (#"{"destinations": {"name": "Kenya"}}"#, "destinations"),
        (
            #"{"destinations": [\#(Array(repeating: #"{"name":"x"}"#, count: 201).joined(separator: ","))]}"#,
            "destinations"
        ),
        (#"{"destinations": ["Kenya"]}"#, "destinations[0]"),
        (#"{"destinations": [{"name": "Kenya"}, {"name": ""}]}"#, "destinations[1].name"),
        (#"{"destinations": [{"aliases": ["Nairobi"]}]}"#, "destinations[0].name"),
        (#"{"destinations": [{"name": "\#(String(repeating: "k", count: 101))"}]}"#, "destinations[0].name"),
        (#"{"destinations": [{"name": "Kenya"}, {"name": " KENYA "}]}"#, "destinations[1].name"),
        (#"{"destinations": [{"name": "Kenya", "code": "K"}]}"#, "destinations[0].code"),
        (#"{"destinations": [{"name": "Kenya", "code": "ke"}]}"#, "destinations[0].code"),
        (#"{"destinations": [{"name": "Kenya", "code": "ABCDEFGHIJK"}]}"#, "destinations[0].code"),
        (#"{"destinations": [{"name": "Kenya", "code": 254}]}"#, "destinations[0].code"),
        (#"{"destinations": [{"name": "Kenya", "enabled": "true"}]}"#, "destinations[0].enabled"),
        (#"{"destinations": [{"name": "Kenya", "aliases": "Nairobi"}]}"#, "destinations[0].aliases"),
        (
            #"{"destinations": [{"name": "Kenya", "aliases": [\#((0...50).map { "\"a\($0)\"" }.joined(separator: ","))]}]}"#,
            "destinations[0].aliases"
        ),
        (#"{"destinations": [{"name": "Kenya", "aliases": ["Nairobi", " "]}]}"#, "destinations[0].aliases[1]"),
        (#"{"destinations": [{"name": "Kenya", "aliases": [7]}]}"#, "destinations[0].aliases[0]"),
        (#"{"destinations": [{"name": "Kenya", "country": "KE"}]}"#, "destinations[0].country"),
        (#"{"email": {"support_address": "help.acme.example"}}"#, "email.support_address"),
        (#"{"email": {"from_address": "a@b@acme.example"}}"#, "email.from_address"),
        (#"{"email": {"reply_to": "@acme.example"}}"#, "email.reply_to"),
        (#"{"email": {"reply_to": "desk@localhost"}}"#, "email.reply_to"),
        (#"{"email": {"reply_to": "desk@acme.example."}}"#, "email.reply_to"),
        (#"{"email": {"reply_to": "front desk@acme.example"}}"#, "email.reply_to"),
        (#"{"email": {"reply_to": "\#(String(repeating: "d", count: 250))@acme.example"}}"#, "email.reply_to"),
        (#"{"email": {"from_name": "\#(String(repeating: "n", count: 101))"}}"#, "email.from_name"),
        (#"{"email": {"sender": "x@acme.example"}}"#, "email.sender"),
        (#"{"banking": {"bank_name": "\#(String(repeating: "b", count: 101))"}}"#, "banking.bank_name"),
        (#"{"banking": {"account_number": 62812345678}}"#, "banking.account_number"),
        (#"{"banking": {"swift_code": "FIRNZA"}}"#, "banking.swift_code"),
        (#"{"banking": {"swift_code": "firnzajj"}}"#, "banking.swift_code"),
        (#"{"banking": {"swift_code": "FIRNZAJJ-XX"}}"#, "banking.swift_code"),
        (#"{"quotes": {"validity_days": 0}}"#, "quotes.validity_days"),
        (#"{"quotes": {"validity_days": 366}}"#, "quotes.validity_days"),
        (#"{"quotes": {"validity_days": 14.5}}"#, "quotes.validity_days"),
        (#"{"quotes": {"validity_days": "14"}}"#, "quotes.validity_days"),
        (#"{"quotes": {"auto_send": "true"}}"#, "quotes.auto_send"),
        (#"{"quotes": {"auto_send": 1}}"#, "quotes.auto_send"),
        (#"{"quotes": {"follow_up_days": 91}}"#, "quotes.follow_up_days"),
        (#"{"quotes": {"follow_up_days": -1}}"#, "quotes.follow_up_days"),
        (#"{"inbound": {"mode": "email"}}"#, "inbound.mode"),
        (#"{"inbound": {"mode": "Ticket"}}"#, "inbound.mode"),
        (#"{"inbound": {"ask_for_missing": "yes"}}"#, "inbound.ask_for_missing"),
        (#"{"agents": {"helpdesk": {"enabled": "on"}}}"#, "agents.helpdesk.enabled"),
        (#"{"agents": {"outbound": {"name": ""}}}"#, "agents.outbound.name"),
        (#"{"agents": {"inbound": {"name": "\#(String(repeating: "i", count: 61))"}}}"#, "agents.inbound.name"),
        (#"{"agents": {"inbound": true}}"#, "agents.inbound"),
        (#"{"agents": {"sales": {"enabled": true, "name": "Sales"}}}"#, "agents.sales"),
        (#"{"agents": {"helpdesk": {"voice_id": "v1"}}}"#, "agents.helpdesk.voice_id"),
        (#"{"knowledge": {"categories": "general"}}"#, "knowledge.categories"),
        (
            #"{"knowledge": {"categories": [\#((0...50).map { "\"c\($0)\"" }.joined(separator: ","))]}}"#,
            "knowledge.categories"
        ),
        (#"{"knowledge": {"categories": ["general", "visas", "General"]}}"#, "knowledge.categories[2]"),
        (#"{"knowledge": {"categories": ["general", ""]}}"#, "knowledge.categories[1]"),
        (#"{"knowledge": {"categories": ["\#(String(repeating: "c", count: 61))"]}}"#, "knowledge.categories[0]"),
        (#"{"pricing": {"margin_percent": 100.5}}"#, "pricing.margin_percent"),
        (#"{"pricing": {"margin_percent": -1}}"#, "pricing.margin_percent"),
        (#"{"pricing": {"margin_percent": "10"}}"#, "pricing.margin_percent"),
        (#"{"pricing": {"currency": "zar"}}"#, "pricing.currency"),
        (#"{"pricing": {"currency": "RAND"}}"#, "pricing.currency"),
        (
            #"{"pricing": {"currency": null, "margin_percent": 5, "display_currency": "USD"}}"#,
            "pricing.display_currency"
        ),
        (#"{"templates": {"quote_email_html": "<p>{{#options}}{{hotel}}</p>"}}"#, "templates.quote_email_html"),
        (#"{"templates": {"quote_email_text": "{{> footer}}"}}"#, "templates.quote_email_text"),
        (#"{"templates": {"quote_email_subject": "Your quote\nBcc: x@y.example"}}"#, "templates.quote_email_subject"),
        (
            #"{"templates": {"quote_email_subject": "\#(String(repeating: "s", count: 301))"}}"#,
            "templates.quote_email_subject"
        ),
        (#"{"templates": {"invoice_email_text": 5}}"#, "templates.invoice_email_text"),
        (#"{"templates": {"invoice_email_html": "<p>{{{customer.name}}}</p>"}}"#, "templates.invoice_email_html"),
        (#"{"templates": {"invoice_email_html": "<p>{{& invoice.notes}}</p>"}}"#, "templates.invoice_email_html"),
        (#"{"templates": {"invoice_email_subject": "{{/invoice.id}}"}}"#, "templates.invoice_email_subject"),
        (#"{"templates": {"quote_email_footer": "{{company.name}}"}}"#, "templates.quote_email_footer"),
        (#"{"templates": []}"#, "templates"),
        (#"{"billing": {"plan": "lite"}}"#, "billing"),
    ]

    @Test(arguments: failures)
    func eachRuleRejectsWithTheExactFieldPath(patch: String, field: String) throws {
        let error = try #require(try Self.error(patching: patch), "expected \(field) to be rejected")
        #expect(error.field == field)
        #expect(error.status == 422)
        #expect(error.code == .invalidField)
        #expect(!error.message.isEmpty)
    }

    @Test func wrongTypesNameTheExpectedType() throws {
        let days = try #require(try Self.error(patching: #"{"quotes": {"validity_days": "14"}}"#))
        #expect(days.message == "Expected an integer, got a string.")
        let flag = try #require(try Self.error(patching: #"{"quotes": {"auto_send": "true"}}"#))
        #expect(flag.message == "Expected a boolean, got a string.")
        let unknown = try #require(try Self.error(patching: ##"{"branding": {"primary_colour": "#112233"}}"##))
        #expect(unknown.message.hasPrefix(#"Unknown key "primary_colour"; expected one of: company_name"#))
    }

    @Test func theFirstErrorInSectionOrderIsThrown() throws {
        let error = try #require(
            try Self.error(
                patching: #"""
                    {"pricing": {"currency": "zar"}, "branding": {"accent_color": "x", "company_name": ""}}
                    """#))
        #expect(error.field == "branding.company_name")
    }

    @Test func aPatchThatIsNotAnObjectIsRejected() throws {
        do {
            _ = try TenantConfigSchema.patched(
                stored: nil, patch: .array([]), companyName: Self.company, currency: "ZAR")
            Issue.record("expected a 422")
        } catch {
            #expect(error.field == "config")
        }
    }

    @Test func validateWantsEveryKeyAndSection() throws {
        var members = try #require(Self.defaults.object)
        members["pricing"] = nil
        #expect(throws: HTTPError.invalid("pricing", "Missing; expected an object.")) {
            try TenantConfigSchema.validate(.object(members))
        }
        let noDays = Self.defaults.merging(patch: try Self.json(#"{"quotes": {"validity_days": null}}"#))
        #expect(throws: HTTPError.invalid("quotes.validity_days", "Missing; expected an integer.")) {
            try TenantConfigSchema.validate(noDays)
        }
        #expect(throws: HTTPError.self) { try TenantConfigSchema.validate(.string("config")) }
    }
}

// MARK: Merge-patch flows

extension TenantConfigSchemaTests {
    @Test func patchingOneKeyKeepsTheRest() throws {
        let stored = try TenantConfigSchema.validate(Self.json(Self.realistic))
        let config = try Self.patch(#"{"inbound": {"mode": "auto_send"}}"#, stored: stored)
        #expect(config["inbound"] == .object(["mode": .string("auto_send"), "ask_for_missing": .bool(false)]))
        #expect(config.merging(patch: try Self.json(#"{"inbound": {"mode": "draft"}}"#)) == stored)
    }

    @Test func patchingTheDefaultsOfANewTenant() throws {
        let config = try Self.patch(#"{"inbound": {"mode": "draft"}}"#)
        #expect(config["inbound"]?["mode"] == .string("draft"))
        #expect(config.merging(patch: try Self.json(#"{"inbound": {"mode": "ticket"}}"#)) == Self.defaults)
    }

    /// RFC 7396 `null` deletes the member; `effective` refills it, so `null` means "back to the default".
    @Test func nullResetsASectionOrAKeyToItsDefault() throws {
        let stored = try TenantConfigSchema.validate(Self.json(Self.realistic))
        let reset = try Self.patch(#"{"pricing": null}"#, stored: stored)
        #expect(
            reset["pricing"]
                == .object(["margin_percent": .number(0), "currency": .string("ZAR"), "round_to": .number(100)]))
        #expect(reset["branding"] == stored["branding"])

        let cleared = try Self.patch(
            #"{"email": {"support_address": null}, "quotes": {"validity_days": null}}"#,
            stored: stored)
        #expect(cleared["email"]?["support_address"] == .null)
        #expect(cleared["email"]?["from_address"] == .string("quotes@sunset.example"))
        #expect(cleared["quotes"]?["validity_days"] == .number(14))
        #expect(cleared["quotes"]?["auto_send"] == .bool(true))

        let renamed = try Self.patch(#"{"branding": {"company_name": null}}"#, stored: stored)
        #expect(renamed["branding"]?["company_name"] == .string(Self.company))
    }

    @Test func anArrayInAPatchReplacesTheWholeArray() throws {
        let stored = try TenantConfigSchema.validate(Self.json(Self.realistic))
        let config = try Self.patch(#"{"destinations": [{"name": "Seychelles", "aliases": ["Mahé"]}]}"#, stored: stored)
        #expect(
            config["destinations"]
                == .array([
                    .object([
                        "name": .string("Seychelles"), "code": .null, "enabled": .bool(true),
                        "aliases": .array([.string("Mahé")]),
                    ])
                ]))
    }

    @Test func aPatchWithAnUnknownKeyIsRejectedEvenWhenTheRestIsFine() throws {
        let error = try Self.error(patching: #"{"inbound": {"mode": "draft", "auto_reply": true}}"#)
        #expect(error?.field == "inbound.auto_reply")
    }

    // MARK: Ambiguous destinations

    @Test func anAliasMayNotBeAnotherDestinationsName() throws {
        let aliasFirst = try Self.error(
            patching: #"""
                {"destinations": [{"name": "Tanzania", "aliases": ["Zanzibar"]}, {"name": "zanzibar"}]}
                """#)
        #expect(aliasFirst?.field == "destinations[1].name")
        let nameFirst = try Self.error(
            patching: #"""
                {"destinations": [{"name": "Zanzibar"}, {"name": "Tanzania", "aliases": ["Dar", "ZANZIBAR"]}]}
                """#)
        #expect(nameFirst?.field == "destinations[1].aliases[1]")
        #expect(nameFirst?.message.contains("destinations[0]") == true)
    }

    @Test func twoDestinationsMayNotShareAnAlias() throws {
        let error = try Self.error(
            patching: #"""
                {"destinations": [{"name": "Zanzibar", "aliases": ["Spice Island"]},
                                  {"name": "Grenada", "aliases": ["Isle of Spice", " spice island"]}]}
                """#)
        #expect(error?.field == "destinations[1].aliases[1]")
    }

    @Test func repeatsWithinOneDestinationAreDroppedNotRejected() throws {
        let config = try Self.patch(
            #"""
            {"destinations": [{"name": "Cape Town", "aliases": ["cape town", "Kaapstad", "KAAPSTAD", "CPT"]}]}
            """#)
        #expect(config["destinations"]?.array?.first?["aliases"] == .array(["Kaapstad", "CPT"].map(JSONValue.string)))
    }

    // MARK: Random mutations

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let samples: [JSONValue] = [
        .null, .bool(true), .bool(false), .number(0), .number(-1), .number(14.5), .number(366), .number(3),
        .number(1e308), .number(.infinity), .number(.nan), .string(""), .string("  "), .string("#abcdef"),
        .string("x@y.example"), .string("https://a.example/l.png"), .string("ZAR"), .string("zar"),
        .string("ticket"), .string("Kenya"), .string("é🙂\u{0}"), .string(String(repeating: "z", count: 3000)),
        .array([]), .array([.string("Kenya")]), .array([.object(["name": .string("Kenya")])]), .object([:]),
        .object(["name": .string("Zanzibar")]),
    ]

    static func mutate(_ value: JSONValue, using rng: inout SplitMix64) -> JSONValue {
        let replacement = samples[Int.random(in: 0..<samples.count, using: &rng)]
        let descend = Int.random(in: 0..<5, using: &rng) != 0
        switch value {
        case .object(var members) where descend && !members.isEmpty:
            let keys = members.keys.sorted()
            let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
            switch Int.random(in: 0..<8, using: &rng) {
            case 0: members[key] = nil
            case 1: members["unexpected"] = replacement
            default: members[key] = mutate(members[key] ?? .null, using: &rng)
            }
            return .object(members)
        case .array(var elements) where descend && !elements.isEmpty:
            let index = Int.random(in: 0..<elements.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: elements.remove(at: index)
            case 1: elements.append(elements[index])
            default: elements[index] = mutate(elements[index], using: &rng)
            }
            return .array(elements)
        default:
            return replacement
        }
    }

    /// Mutations either pass (and then normalising again changes nothing) or throw a 422 with a field.
    @Test func randomMutationsOfAValidConfigNeverCrash() throws {
        let valid = try TenantConfigSchema.validate(Self.json(Self.realistic))
        var rng = SplitMix64(state: 20_270_412)
        var passed = 0
        var rejected = 0
        for _ in 0..<100 {
            var config = valid
            for _ in 0..<Int.random(in: 1...3, using: &rng) { config = Self.mutate(config, using: &rng) }
            do {
                let normalised = try TenantConfigSchema.validate(config)
                #expect(try TenantConfigSchema.validate(normalised) == normalised)
                passed += 1
            } catch {
                #expect(error.status == 422)
                #expect(error.field?.isEmpty == false)
                rejected += 1
            }
            _ = try? TenantConfigSchema.patched(
                stored: valid, patch: config, companyName: Self.company, currency: "ZAR")
        }
        #expect(passed + rejected == 100)
        #expect(rejected > 0)
        #expect(passed > 0)
    }
}

// MARK: Email templates

extension TenantConfigSchemaTests {
    static let templateKeys = [
        "quote_email_subject", "quote_email_text", "quote_email_html",
        "invoice_email_subject", "invoice_email_text", "invoice_email_html",
    ]

    @Test func validTemplatesAreStoredTrimmedAndEmptyMeansTheDefault() throws {
        let config = try Self.patch(
            #"""
            {"templates": {"quote_email_subject": " Your {{trip.destination}} quote ",
                           "quote_email_text": "Hi {{{customer.name}}},\n{{#options}}{{total_text}}\n{{/options}}\n",
                           "quote_email_html": "<p>{{customer.name}}</p>{{{signature_html}}}",
                           "invoice_email_html": ""}}
            """#)
        #expect(config["templates"]?["quote_email_subject"] == .string("Your {{trip.destination}} quote"))
        #expect(
            config["templates"]?["quote_email_text"]
                == .string("Hi {{{customer.name}}},\n{{#options}}{{total_text}}\n{{/options}}"))
        #expect(config["templates"]?["quote_email_html"] == .string("<p>{{customer.name}}</p>{{{signature_html}}}"))
        #expect(config["templates"]?["invoice_email_html"] == .null)
        #expect(config["templates"]?["invoice_email_subject"] == .null)
        #expect(try TenantConfigSchema.validate(config) == config)
        let reset = try Self.patch(#"{"templates": {"quote_email_html": null}}"#, stored: config)
        #expect(reset["templates"]?["quote_email_html"] == .null)
        #expect(reset["templates"]?["quote_email_text"] == config["templates"]?["quote_email_text"])
    }

    @Test func aTemplateThatDoesNotParseNamesTheLineAndColumn() throws {
        let error = try #require(
            try Self.error(patching: #"{"templates": {"quote_email_html": "<table>\n  {{#options}}\n<tr>"}}"#))
        #expect(error.field == "templates.quote_email_html")
        #expect(error.status == 422)
        #expect(error.message == "Not a valid template: Line 2, column 3: Section {{#options}} is never closed.")
        let raw = try #require(try Self.error(patching: #"{"templates": {"quote_email_html": "{{{customer.name}}}"}}"#))
        #expect(raw.message.contains("{{customer.name}}"))
    }

    @Test func bodiesMayBeLongButNotTooLong() throws {
        let long = String(repeating: "<p>{{customer.name}}</p>", count: 4000) + String(repeating: "x", count: 4000)
        #expect(long.count == 100_000)
        let config = try Self.patch(#"{"templates": {"invoice_email_html": "\#(long)"}}"#)
        #expect(config["templates"]?["invoice_email_html"]?.string?.count == 100_000)
        let error = try Self.error(patching: #"{"templates": {"invoice_email_html": "\#(long)x"}}"#)
        #expect(error?.field == "templates.invoice_email_html")
        #expect(error?.message == "Must be at most 100000 characters.")
    }
}

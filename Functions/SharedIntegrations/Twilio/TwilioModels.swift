/// What to search for among numbers available to buy (AvailablePhoneNumbers).
public struct TwilioNumberSearch: Sendable {
    /// The number type, which selects the list resource (`Local.json`, `Mobile.json`, `TollFree.json`).
    public enum Kind: String, Sendable, CaseIterable {
        case local = "Local", mobile = "Mobile", tollFree = "TollFree"
    }
    /// ISO 3166-1 alpha-2, upper case (`US`, `ZA`).
    public var country: String
    public var kind: Kind
    /// US/Canada area code (3 digits).
    public var areaCode: String?
    /// A pattern such as `555` or `+1415*******` (Twilio's `Contains`).
    public var contains: String?
    /// Only numbers that can take voice calls. Default true.
    public var voiceEnabled: Bool
    /// At most this many results (1…50, Twilio's `PageSize`).
    public var limit: Int

    public init(country: String, kind: Kind = .local, areaCode: String? = nil, contains: String? = nil,
                voiceEnabled: Bool = true, limit: Int = 10) {
        self.country = country
        self.kind = kind
        self.areaCode = areaCode
        self.contains = contains
        self.voiceEnabled = voiceEnabled
        self.limit = limit
    }
}

/// A number offered for purchase.
public struct TwilioAvailableNumber: Sendable, Equatable {
    /// E.164 (`+14155550100`).
    public var phoneNumber: String
    public var friendlyName: String?
    public var locality: String?
    public var region: String?
    public var isoCountry: String?
    /// `none`, `any`, `local` or `foreign`: whether an Address must be on the account before purchase.
    public var addressRequirements: String
    public var voice: Bool
    public var sms: Bool
}

/// What to buy and how the number should call us back.
public struct TwilioNumberPurchase: Sendable {
    /// E.164 number from a search.
    public var phoneNumber: String
    public var friendlyName: String?
    public var voiceURL: String?
    public var statusCallback: String?
    /// An `AD…` address SID, required when the number's ``TwilioAvailableNumber/addressRequirements`` is not
    /// `none`.
    public var addressSID: String?

    public init(phoneNumber: String, friendlyName: String? = nil, voiceURL: String? = nil,
                statusCallback: String? = nil, addressSID: String? = nil) {
        self.phoneNumber = phoneNumber
        self.friendlyName = friendlyName
        self.voiceURL = voiceURL
        self.statusCallback = statusCallback
        self.addressSID = addressSID
    }
}

/// A number the account owns (IncomingPhoneNumber).
public struct TwilioIncomingNumber: Sendable, Equatable, Decodable {
    /// `PN` + 32 hex.
    public var sid: String
    public var accountSID: String
    public var phoneNumber: String
    public var friendlyName: String?
    public var voiceURL: String?
    public var addressRequirements: String?

    enum CodingKeys: String, CodingKey {
        case sid, accountSID = "account_sid", phoneNumber = "phone_number", friendlyName = "friendly_name"
        case voiceURL = "voice_url", addressRequirements = "address_requirements"
    }
}

/// A regulatory address to register (Addresses resource).
public struct TwilioAddressRequest: Sendable {
    public var customerName: String
    public var street: String
    public var city: String
    public var region: String
    public var postalCode: String
    /// ISO 3166-1 alpha-2.
    public var isoCountry: String
    public var friendlyName: String?

    public init(customerName: String, street: String, city: String, region: String, postalCode: String,
                isoCountry: String, friendlyName: String? = nil) {
        self.customerName = customerName
        self.street = street
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.isoCountry = isoCountry
        self.friendlyName = friendlyName
    }
}

/// A registered address.
public struct TwilioAddress: Sendable, Equatable, Decodable {
    /// `AD` + 32 hex.
    public var sid: String
    public var customerName: String
    public var street: String
    public var city: String
    public var region: String
    public var postalCode: String
    public var isoCountry: String
    public var friendlyName: String?
    public var validated: Bool?

    enum CodingKeys: String, CodingKey {
        case sid, customerName = "customer_name", street, city, region, postalCode = "postal_code"
        case isoCountry = "iso_country", friendlyName = "friendly_name", validated
    }
}

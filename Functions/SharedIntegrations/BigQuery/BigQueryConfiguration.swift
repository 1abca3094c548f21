internal import FoundationEssentials
public import Runtime

/// BigQuery export settings, read once at start: `BIGQUERY_PROJECT` (unset = export off), `BIGQUERY_DATASET`,
/// `GOOGLE_APPLICATION_CREDENTIALS` (path of a service-account JSON key file), `BIGQUERY_BASE_URL` (default
/// `https://bigquery.googleapis.com`), `GOOGLE_TOKEN_URL` (default `https://oauth2.googleapis.com/token`).
/// A value; share it between threads.
public struct BigQueryConfiguration: Sendable {
    public static let defaultBaseURL = "https://bigquery.googleapis.com"
    public static let defaultTokenURL = "https://oauth2.googleapis.com/token"

    public var project: String
    public var dataset: String
    public var baseURL: String
    public var tokenURL: String
    public var serviceAccount: GoogleServiceAccount
    public var timeout: Duration

    public init(project: String, dataset: String, serviceAccount: GoogleServiceAccount,
                baseURL: String = defaultBaseURL, tokenURL: String = defaultTokenURL, timeout: Duration = .seconds(30)) {
        self.project = project
        self.dataset = dataset
        self.serviceAccount = serviceAccount
        self.baseURL = baseURL
        self.tokenURL = tokenURL
        self.timeout = timeout
    }

    /// Reads the keys and the key file; nil when `BIGQUERY_PROJECT` is unset. Problems go to `environment`.
    /// - Parameter readFile: reads the key file (injected for tests).
    public static func from(_ environment: Environment, readFile: (String) -> [UInt8]? = BigQueryConfiguration.read)
        -> BigQueryConfiguration?
    {
        guard let project = environment.optionalString("BIGQUERY_PROJECT") else { return nil }
        let dataset = environment.required("BIGQUERY_DATASET")
        let path = environment.required("GOOGLE_APPLICATION_CREDENTIALS")
        let baseURL = environment.string("BIGQUERY_BASE_URL", default: defaultBaseURL)
        let tokenURL = environment.string("GOOGLE_TOKEN_URL", default: defaultTokenURL)
        guard !path.isEmpty, !dataset.isEmpty else { return nil }
        guard let bytes = readFile(path), let account = try? GoogleServiceAccount(json: bytes) else {
            environment.problem("GOOGLE_APPLICATION_CREDENTIALS must name a readable service-account JSON key file")
            return nil
        }
        return BigQueryConfiguration(project: project, dataset: dataset, serviceAccount: account, baseURL: baseURL,
                                     tokenURL: tokenURL)
    }

    /// The whole file, or nil.
    public static func read(_ path: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { Array($0) }
    }
}

/// The fields of a Google service-account key file that the token exchange needs. Descriptions redact the key.
public struct GoogleServiceAccount: Sendable, CustomStringConvertible {
    public var clientEmail: String
    public var privateKeyID: String
    /// The PKCS#8 PEM private key.
    public var privateKey: Secret

    public init(clientEmail: String, privateKeyID: String, privateKey: Secret) {
        self.clientEmail = clientEmail
        self.privateKeyID = privateKeyID
        self.privateKey = privateKey
    }

    /// Parses a key file (`type` must be `service_account`).
    /// - Throws: `DecodingError`, or ``ProviderError/Code/invalidRequest`` for another `type`.
    public init(json: [UInt8]) throws {
        struct File: Decodable {
            var type: String
            var clientEmail: String
            var privateKeyID: String
            var privateKey: String
            enum CodingKeys: String, CodingKey {
                case type, clientEmail = "client_email", privateKeyID = "private_key_id", privateKey = "private_key"
            }
        }
        let file = try JSONDecoder().decode(File.self, from: Data(json))
        guard file.type == "service_account" else {
            throw ProviderError(provider: "google", code: .invalidRequest, providerMessage: "not a service account key")
        }
        self.init(clientEmail: file.clientEmail, privateKeyID: file.privateKeyID, privateKey: Secret(file.privateKey))
    }

    public var description: String { "GoogleServiceAccount(\(clientEmail), key: [redacted])" }
}

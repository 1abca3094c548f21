// swift-tools-version:6.0
import PackageDescription

// One shared set of settings for every Swift target (Swift 6 language mode is the default for tools 6.0+).
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The five endpoint families: (executable product, library module, folder under Functions/).
let functions: [(product: String, module: String, folder: String)] = [
    ("inbound", "InboundFunction", "Inbound"),
    ("quotes", "QuotesFunction", "Quotes"),
    ("helpdesk", "HelpdeskFunction", "Helpdesk"),
    ("tenant-admin", "TenantAdminFunction", "TenantAdmin"),
    ("analytics", "AnalyticsFunction", "Analytics"),
]

let package = Package(
    name: "TravelPlatform",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Runtime", targets: ["Runtime"]),
        .library(name: "RuntimePostgres", targets: ["RuntimePostgres"]),
        .library(name: "RuntimeHTTPClient", targets: ["RuntimeHTTPClient"]),
        .executable(name: "platformctl", targets: ["PlatformCtlMain"]),
        .executable(name: "worker", targets: ["WorkerMain"]),
        .executable(name: "provider-fakes", targets: ["ProviderFakesMain"]),
    ] + functions.map { .executable(name: $0.product, targets: [$0.module + "Main"]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries from Debian, as system libraries. Only Runtime imports them.
        .systemLibrary(name: "CFastCGI", path: "Runtime/CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Runtime/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Runtime/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CPangoCairo", path: "Runtime/CPangoCairo", pkgConfig: "cairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Runtime/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CArgon2", path: "Runtime/CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        // glibc's posix_spawn_file_actions_addclosefrom_np, hidden from Swift's Glibc module (Subprocess).
        .systemLibrary(name: "CSpawn", path: "Runtime/CSpawn"),

        // Runtime, split by C library so a process links only what it uses (fastcgi-spike §6.6).
        .target(
            name: "Runtime",
            dependencies: [
                "CFastCGI", "CArgon2", "CSpawn", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Runtime/Core", swiftSettings: settings),
        .target(name: "RuntimePostgres", dependencies: ["Runtime", "CLibPQ"], path: "Runtime/Postgres", swiftSettings: settings),
        .target(name: "RuntimeHTTPClient", dependencies: ["Runtime", "CCurl"], path: "Runtime/HTTPClient", swiftSettings: settings),
        // PDF documents (cairo + pango): only the functions that render PDFs link it.
        .target(name: "RuntimePDF", dependencies: ["Runtime", "CPangoCairo"], path: "Runtime/PDF", swiftSettings: settings),
        // ZIP archives (zlib inflate): DOCX knowledge documents.
        .target(name: "RuntimeZip", dependencies: ["Runtime", "CZlib"], path: "Runtime/Zip", swiftSettings: settings),
        .target(name: "RuntimeTesting", dependencies: ["Runtime"], path: "Runtime/Testing", swiftSettings: settings),

        // Shared by every function: per-thread services (database), the launcher, health routes.
        .target(name: "SharedPlatform", dependencies: ["Runtime", "RuntimePostgres"], path: "Functions/SharedPlatform",
                exclude: ["Migrations", "README.md"], swiftSettings: settings),
        .target(name: "PlatformCtl", dependencies: ["SharedPlatform"], path: "Functions/PlatformCtl", swiftSettings: settings),
        .executableTarget(name: "PlatformCtlMain", dependencies: ["PlatformCtl"], path: "Functions/Main/platformctl",
                          swiftSettings: settings),

        // Third-party clients (LLM, mail, SendGrid, Twilio, VAPI, BigQuery) shared by several functions.
        .target(
            name: "Integrations",
            dependencies: ["Runtime", "RuntimeHTTPClient", "RuntimePostgres", "SharedPlatform",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            path: "Functions/SharedIntegrations", swiftSettings: settings),
        // Quote domain shared by quotes and the inbound worker: pricing, quote creation, PDFs, emails, CRM upsert.
        .target(name: "Quoting", dependencies: ["Runtime", "RuntimePostgres", "RuntimePDF", "SharedPlatform"],
                path: "Functions/SharedQuotes", exclude: ["README.md"], swiftSettings: settings),
        .testTarget(name: "QuotingTests", dependencies: ["Quoting", "RuntimePDF", "Runtime", "SharedPlatform"],
                    path: "Tests/QuotingTests", swiftSettings: settings),
        // Inbound email domain shared by the inbound function and the worker: MIME reading, trip extraction.
        .target(name: "InboundMail", dependencies: ["Runtime", "RuntimePostgres", "SharedPlatform", "Quoting"],
                path: "Functions/SharedInbound",
                exclude: ["README.md"],
                swiftSettings: settings),
        .testTarget(name: "InboundMailTests", dependencies: ["InboundMail", "Runtime", "RuntimePostgres", "SharedPlatform",
                                                            "RuntimeTesting"],
                    path: "Tests/InboundMailTests",
                    swiftSettings: settings),
        // Knowledge base shared by helpdesk and the worker: text extraction, chunking, indexing, retrieval.
        .target(name: "Knowledge", dependencies: ["Runtime", "RuntimePostgres", "RuntimeZip", "SharedPlatform"],
                path: "Functions/SharedKnowledge", exclude: ["README.md"], swiftSettings: settings),
        .testTarget(name: "KnowledgeTests",
                    dependencies: ["Knowledge", "Runtime", "RuntimeZip", "RuntimePostgres", "SharedPlatform", "RuntimeTesting"],
                    path: "Tests/KnowledgeTests", resources: [.copy("Corpus")], swiftSettings: settings),
        // The job worker: runs queued jobs (mail delivery, provisioning, exports).
        .target(name: "WorkerFunction", dependencies: ["Integrations", "SharedPlatform", "Quoting", "InboundMail", "Knowledge"],
                path: "Functions/Worker",
                exclude: ["README.md"], swiftSettings: settings),
        .executableTarget(name: "WorkerMain", dependencies: ["WorkerFunction"], path: "Functions/Main/worker",
                          swiftSettings: settings),
        // Local fake servers that speak the providers' wire formats (tests, and `make run` with FAKE_PROVIDERS=1).
        .target(name: "ProviderFakes",
                dependencies: ["Runtime", "RuntimeTesting", .product(name: "Crypto", package: "swift-crypto"),
                               .product(name: "_CryptoExtras", package: "swift-crypto")],
                path: "Runtime/Fakes", swiftSettings: settings),
        .executableTarget(name: "ProviderFakesMain", dependencies: ["ProviderFakes"], path: "Functions/Main/provider-fakes",
                          swiftSettings: settings),
        .testTarget(name: "IntegrationsTests",
                    dependencies: ["Integrations", "ProviderFakes", "RuntimeTesting", "SharedPlatform", "WorkerFunction",
                                   "InboundMail", "Quoting",
                                   .product(name: "Crypto", package: "swift-crypto"),
                                   .product(name: "_CryptoExtras", package: "swift-crypto")],
                    path: "Tests/IntegrationsTests", swiftSettings: settings),

        .testTarget(name: "RuntimeTests",
                    dependencies: ["Runtime", "RuntimeTesting", .product(name: "Crypto", package: "swift-crypto")],
                    path: "Tests/RuntimeTests",
                    swiftSettings: settings),
        .testTarget(name: "RuntimePostgresTests", dependencies: ["RuntimePostgres", "SharedPlatform", "RuntimeTesting"],
                    path: "Tests/RuntimePostgresTests", swiftSettings: settings),
        .testTarget(name: "RuntimeHTTPClientTests", dependencies: ["RuntimeHTTPClient", "RuntimeTesting"],
                    path: "Tests/RuntimeHTTPClientTests", swiftSettings: settings),
        .testTarget(name: "FunctionsTests",
                    dependencies: ["RuntimeTesting", "ProviderFakes", "SharedPlatform", "PlatformCtl"]
                        + functions.map { .target(name: $0.module) },
                    path: "Tests/FunctionsTests", swiftSettings: settings),
        .testTarget(name: "IntegrationTests", dependencies: ["RuntimeTesting", "SharedPlatform"],
                    path: "Tests/IntegrationTests", swiftSettings: settings),
    ]
        + functions.map {
            // inbound: SendGrid events and Twilio signatures (Integrations), tickets and routing (InboundMail), accept → quote.
            .target(name: $0.module, dependencies: ["SharedPlatform"] + ($0.product == "inbound" ? ["Integrations", "InboundMail", "Quoting"] : [])
                        + ($0.product == "quotes" ? ["Quoting"] : [])
                        + ($0.product == "helpdesk" ? ["Knowledge", "Integrations", "Quoting", "InboundMail"] : []),
                    path: "Functions/\($0.folder)", exclude: ["README.md"], swiftSettings: settings)
        }
        + functions.map {
            .executableTarget(name: $0.module + "Main", dependencies: [.target(name: $0.module)],
                              path: "Functions/Main/\($0.product)", swiftSettings: settings)
        }
)

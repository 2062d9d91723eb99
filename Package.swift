// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "hangar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hangar", targets: ["hangar"]),
        .executable(name: "hangar-sandbox", targets: ["hangar-sandbox"]),
        .library(name: "HangarCore", targets: ["HangarCore"]),
        .library(name: "HangarStore", targets: ["HangarStore"]),
        .library(name: "HangarTools", targets: ["HangarTools"]),
        .library(name: "HangarSandbox", targets: ["HangarSandbox"]),
        .library(name: "HangarWorkspace", targets: ["HangarWorkspace"]),
        .library(name: "HangarData", targets: ["HangarData"]),
        .library(name: "HangarGateway", targets: ["HangarGateway"]),
        .library(name: "HangarMockLLM", targets: ["HangarMockLLM"]),
        .library(name: "HangarServer", targets: ["HangarServer"]),
        .library(name: "HangarTesting", targets: ["HangarTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", exact: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        .target(
            name: "HangarCore",
            dependencies: []
        ),
        .target(
            name: "HangarStore",
            dependencies: [
                "HangarCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "HangarTools",
            dependencies: [
                "HangarCore",
                "HangarStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        // The sandbox helper: namespace, mount and cgroup set-up between fork and exec, which Swift cannot do
        // safely (swift-subprocess has no pre-exec hook, and Glibc does not export unshare, pivot_root or prctl).
        .target(name: "CHangarSandbox"),
        .executableTarget(name: "hangar-sandbox", dependencies: ["CHangarSandbox"]),
        .target(
            name: "HangarSandbox",
            dependencies: [
                "HangarCore",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HangarWorkspace",
            dependencies: [
                "HangarCore",
                "HangarStore",
                "HangarTools",
                "HangarSandbox",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(
            name: "HangarData",
            dependencies: [
                "HangarCore",
                "HangarStore",
                "HangarTools",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "HangarGateway",
            dependencies: [
                "HangarCore",
                "HangarStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The scriptable mock LLM (`hangar llm mock`): an OpenAI- and Anthropic-compatible server for tests,
        // demos and users' own offline agent tests.
        .target(
            name: "HangarMockLLM",
            dependencies: [
                "HangarCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "HangarServer",
            dependencies: [
                "HangarCore",
                "HangarStore",
                "HangarTools",
                "HangarWorkspace",
                "HangarGateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "HangarTesting",
            dependencies: [
                "HangarCore",
                "HangarStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "hangar",
            dependencies: [
                "HangarCore",
                "HangarStore",
                "HangarTools",
                "HangarServer",
                "HangarSandbox",
                "HangarWorkspace",
                "HangarData",
                "HangarGateway",
                "HangarMockLLM",
                "CHangarSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .testTarget(name: "HangarCoreTests", dependencies: ["HangarCore"]),
        .testTarget(
            name: "HangarStoreTests",
            dependencies: [
                "HangarCore", "HangarStore", "HangarTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "HangarToolsTests",
            dependencies: [
                "HangarCore", "HangarStore", "HangarTools", "HangarTesting",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .testTarget(
            name: "HangarSandboxTests",
            dependencies: ["HangarCore", "HangarSandbox", "HangarTesting"]
        ),
        .testTarget(
            name: "HangarWorkspaceTests",
            dependencies: [
                "HangarCore", "HangarStore", "HangarTools", "HangarSandbox", "HangarWorkspace", "HangarTesting",
            ]
        ),
        .testTarget(
            name: "HangarDataTests",
            dependencies: [
                "HangarCore", "HangarStore", "HangarTools", "HangarData", "HangarTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "HangarGatewayTests",
            dependencies: [
                "HangarCore", "HangarStore", "HangarGateway", "HangarMockLLM", "HangarTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "HangarMockLLMTests",
            dependencies: [
                "HangarCore", "HangarMockLLM", "HangarTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "HangarServerTests",
            dependencies: [
                "HangarCore", "HangarStore", "HangarTools", "HangarServer", "HangarGateway", "HangarMockLLM",
                "HangarTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)

// The C targets (the sandbox helper) take no Swift settings.
let cTargets: Set<String> = ["CHangarSandbox", "hangar-sandbox"]
for target in package.targets where target.type != .plugin && !cTargets.contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}

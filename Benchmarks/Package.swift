// swift-tools-version: 6.2
import PackageDescription

// Hangar's benchmarks, kept out of the root package so that building or testing Hangar never builds the
// benchmark tooling. Run them with `scripts/bench`, or by hand:
//   swift package --package-path Benchmarks --scratch-path Benchmarks/.build-bench \
//       --disable-sandbox benchmark
// (a release build; PostgreSQL benchmarks run only when HANGAR_BENCH_POSTGRES_URL is set).
let package = Package(
    name: "HangarBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "hangar", path: ".."),
        // On Swift 6.3 the benchmark package counts allocations with its malloc interposer; naming the trait
        // (and only it) leaves out the ARC runtime interposer, whose package is not available offline.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        // Read directly: the allocation counters, to report mallocs per operation in the summary.
        .package(url: "https://github.com/ordo-one/malloc-interposer", exact: "1.6.1"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // Plain SQLite for the same-run baseline (the version the store uses).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
    ],
    targets: [
        .executableTarget(
            name: "HangarBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
                .product(name: "HangarCore", package: "hangar"),
                .product(name: "HangarStore", package: "hangar"),
                .product(name: "HangarData", package: "hangar"),
                .product(name: "HangarWorkspace", package: "hangar"),
                .product(name: "HangarSandbox", package: "hangar"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/HangarBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)

for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}

// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "warta",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "warta", targets: ["warta"]),
        .library(name: "WartaCore", targets: ["WartaCore"]),
        .library(name: "WartaSQLite", targets: ["WartaSQLite"]),
        .library(name: "WartaFetch", targets: ["WartaFetch"]),
        .library(name: "WartaPostgres", targets: ["WartaPostgres"]),
        .library(name: "WartaServer", targets: ["WartaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "WartaCore",
            dependencies: ["CZlib", "CLibXML2"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WartaSQLite",
            dependencies: ["WartaCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WartaPostgres",
            dependencies: [
                "WartaCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WartaFetch",
            dependencies: [
                "WartaCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WartaServer",
            dependencies: [
                "WartaCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "warta",
            dependencies: [
                "WartaCore", "WartaSQLite", "WartaFetch", "WartaPostgres", "WartaServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Examples")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WartaCoreTests",
            dependencies: ["WartaCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WartaSQLiteTests",
            dependencies: ["WartaCore", "WartaSQLite", "WartaPostgres"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WartaServerTests",
            dependencies: ["WartaCore", "WartaSQLite", "WartaServer"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WartaCLITests",
            dependencies: [
                "WartaCore", "WartaSQLite", "WartaPostgres", "warta", "LoopbackServer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WartaFetchTests",
            dependencies: [
                "WartaCore", "WartaSQLite", "WartaFetch", "LoopbackServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // A small HTTP/1.1 server on 127.0.0.1 serving feed and page fixtures, for the tests only.
        .target(
            name: "LoopbackServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/LoopbackServer",
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)

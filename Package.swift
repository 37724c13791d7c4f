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
        .library(name: "WartaPostgres", targets: ["WartaPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        .executableTarget(
            name: "warta",
            dependencies: [
                "WartaCore", "WartaSQLite", "WartaPostgres",
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
            name: "WartaCLITests",
            dependencies: ["WartaCore", "WartaPostgres", "warta"],
            swiftSettings: swiftSettings
        ),
    ]
)

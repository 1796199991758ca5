// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "polar-hooks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "polar-hooks", targets: ["polar-hooks"]),
        .library(name: "PolarAPI", targets: ["PolarAPI"]),
        .library(name: "StandardWebhooks", targets: ["StandardWebhooks"]),
    ],
    dependencies: [
        // @ParentCommand, used by the subcommands, arrived in 1.7.0; options that work as a
        // bare flag too (`health --watch [SECONDS]`) in 1.8.0.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
        // No default traits: `FullFoundation` (URL-encoded forms, which we do not use) links all of
        // Foundation and ICU, about 40 MB of the binary; `ConfigurationSupport` brings
        // swift-configuration, which we do not use either.
        // Hummingbird's own; named here for BackgroundServer's graceful stop.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0", traits: []),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Writes the VERSION file (and, for the executable, the git commit) into Swift code.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "TerminalText"),
        // String helpers that FoundationEssentials lacks (trimming, padding, percent-encoding):
        // full Foundation would link ICU for them.
        .target(name: "TextTools"),
        .target(name: "SystemIO"),
        .target(name: "PolarJSON"),
        .target(
            name: "StandardWebhooks",
            dependencies: ["TextTools", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "BackgroundServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "PolarAPI",
            dependencies: [
                "PolarJSON",
                "StandardWebhooks",
                "TextTools",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["BuildInfo"]
        ),
        .target(
            name: "PolarEmulator",
            dependencies: [
                "BackgroundServer",
                "PolarAPI",
                "PolarJSON",
                "StandardWebhooks",
                "SystemIO",
                "TextTools",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "WebhookListener",
            dependencies: [
                "BackgroundServer",
                "PolarJSON",
                "StandardWebhooks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["CNcurses", "SystemIO", "TerminalText"]),
        .target(
            name: "Dashboard", dependencies: ["TerminalUI", "TerminalText", "TextTools", "PolarAPI", "PolarJSON"]),
        .executableTarget(
            name: "polar-hooks",
            dependencies: [
                "BackgroundServer",
                "Dashboard",
                "PolarAPI",
                "PolarEmulator",
                "PolarJSON",
                "StandardWebhooks",
                "SystemIO",
                "TerminalText",
                "TextTools",
                "WebhookListener",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // TOMLKit imports Foundation, and without this its extension members (one
            // `contains` was enough) would reach every file here and link all of Foundation and
            // ICU (40 MB) without a warning: a file sees only the members of what it imports.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            plugins: ["BuildInfo"]
        ),
        // What several test targets share (fixture set-up and clean-up); never shipped.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "StandardWebhooksTests", dependencies: ["StandardWebhooks"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "TextToolsTests", dependencies: ["TextTools"]),
        .testTarget(name: "PolarJSONTests", dependencies: ["PolarJSON"]),
        .testTarget(
            name: "PolarAPITests",
            dependencies: [
                "PolarAPI", "PolarEmulator", "StandardWebhooks", "TestSupport", "TextTools",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PolarEmulatorTests",
            dependencies: [
                "PolarEmulator", "PolarAPI", "StandardWebhooks", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalText"]),
        .testTarget(
            name: "WebhookListenerTests",
            dependencies: [
                "BackgroundServer", "WebhookListener", "StandardWebhooks", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "TerminalUI", "PolarAPI"],
            // The snapshots are read from the source tree (#filePath), never as resources.
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "PolarHooksTests",
            dependencies: [
                "polar-hooks", "PolarAPI", "PolarEmulator", "PolarJSON", "StandardWebhooks", "TerminalText",
                "TestSupport", "WebhookListener",
                // A local receiver whose answer a test can change (health end to end).
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)

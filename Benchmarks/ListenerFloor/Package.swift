// swift-tools-version:6.0
import PackageDescription

// The floor of `scripts/bench listener`: a bare Hummingbird server, in a package of its own so
// that neither `swift build` of polar-hooks nor its tests build it. scripts/bench copies
// polar-hooks' Package.resolved here first, so both are built on the same Hummingbird and NIO.
let package = Package(
    name: "ListenerFloor",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "ListenerFloor",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        )
    ]
)

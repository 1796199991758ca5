import Foundation
import PolarAPI
import PolarEmulator
import TestSupport

/// An in-process emulator on a free port, a private config directory, and helpers to run
/// the binary against both.
final class EmulatorFixture {
    let emulator: PolarEmulator
    let baseURL: String
    /// Used as both HOME and XDG_CONFIG_HOME of the child, so no real config is touched.
    let home: URL

    private init(emulator: PolarEmulator, baseURL: String, home: URL) {
        self.emulator = emulator
        self.baseURL = baseURL
        self.home = home
    }

    /// Starts an emulator, runs `body`, and always stops it and removes the directory.
    static func with<T>(
        _ options: EmulatorOptions = EmulatorOptions(port: 0),
        _ body: (EmulatorFixture) async throws -> T
    ) async throws -> T {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(
            "polar-hooks-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let emulator = try PolarEmulator(options: options)
        let baseURL = try await emulator.start()
        let fixture = EmulatorFixture(emulator: emulator, baseURL: "\(baseURL)", home: home)
        return try await withCleanup(of: fixture, body) { fixture in
            await fixture.emulator.stop()
            try? FileManager.default.removeItem(at: fixture.home)
        }
    }

    var configPath: String { home.appendingPathComponent("polar-hooks/config.toml").path }

    /// The child's environment: the emulator's URL, a token (unless nil), a private config home.
    func environment(token: String? = EmulatorTokens.organization, extra: [String: String] = [:])
        -> [String: String]
    {
        var environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "POLAR_API_URL": baseURL]
        if let token { environment["POLAR_ACCESS_TOKEN"] = token }
        return environment.merging(extra) { _, new in new }
    }

    func run(
        _ arguments: [String], token: String? = EmulatorTokens.organization,
        extra: [String: String] = [:],
        stdin: String = ""
    ) async throws -> CommandResult {
        try await PolarHooksBinary.run(
            arguments, environment: environment(token: token, extra: extra), stdin: stdin)
    }

    /// A client straight to the emulator, to check what the server holds.
    func withClient<T>(
        token: String = EmulatorTokens.organization, _ body: (PolarClient) async throws -> T
    )
        async throws -> T
    {
        let client = PolarClient(
            configuration: PolarClientConfiguration(environment: .custom(baseURL), token: token))
        return try await withCleanup(of: client, body) { await $0.shutdown() }
    }

    /// Every endpoint the organization token sees, for before/after comparisons.
    func endpoints(token: String = EmulatorTokens.organization) async throws -> [WebhookEndpoint] {
        try await withClient(token: token) { client in
            var all: [WebhookEndpoint] = []
            for try await page in client.endpointPages() { all += page.items }
            return all
        }
    }

    func deliveries(_ filter: DeliveryFilter = DeliveryFilter()) async throws -> [WebhookDelivery] {
        try await withClient { client in
            var all: [WebhookDelivery] = []
            for try await page in client.deliveryPages(filter) { all += page.items }
            return all
        }
    }

    func endpoint(named name: String) async throws -> WebhookEndpoint {
        guard let endpoint = try await endpoints().first(where: { $0.name == name }) else {
            throw FixtureError("no sample endpoint named \(name)")
        }
        return endpoint
    }

    /// Polls until `condition` holds, a bounded number of times (no fixed sleep decides).
    func waitUntil(_ what: String, attempts: Int = 800, _ condition: () async throws -> Bool)
        async throws
    {
        for _ in 0..<attempts {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw FixtureError("timed out waiting until \(what)")
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Decodes the binary's `--json` output with Polar's rules.
func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try PolarCoding.decoder.decode(type, from: Array(text.utf8))
}

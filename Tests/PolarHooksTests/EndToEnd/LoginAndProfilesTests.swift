import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// `login`, `logout`, `profiles`, the config file's safety and the precedence of settings.
@Suite struct LoginAndProfilesTests {
    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?
            .intValue ?? -1
    }

    /// Logs in through stdin against the emulator, with no token in the environment.
    func login(
        _ fixture: EmulatorFixture, profile: String, token: String = EmulatorTokens.organization
    ) async throws
        -> CommandResult
    {
        try await PolarHooksBinary.run(
            ["login", "--profile", profile, "--api-url", fixture.baseURL],
            environment: ["HOME": fixture.home.path, "XDG_CONFIG_HOME": fixture.home.path],
            stdin: token + "\n")
    }

    /// The child environment with neither a token nor a server: only the config file speaks.
    func configOnly(_ fixture: EmulatorFixture) -> [String: String] {
        ["HOME": fixture.home.path, "XDG_CONFIG_HOME": fixture.home.path]
    }

    @Test func loginChecksTheTokenAndSavesItPrivately() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await login(fixture, profile: "work")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("Acme Demo"))
            #expect(!result.stdout.contains(EmulatorTokens.organization))
            #expect(!result.stderr.contains(EmulatorTokens.organization))
            #expect(try mode(fixture.configPath) == 0o600)
            #expect(try mode(fixture.home.appendingPathComponent("polar-hooks").path) == 0o700)
            let text = try String(contentsOfFile: fixture.configPath, encoding: .utf8)
            #expect(
                text.contains("default_profile = 'work'") || text.contains("default_profile = \"work\""))

            // The profile alone now reaches the emulator.
            let listed = try await PolarHooksBinary.run(
                ["endpoints", "list", "--json"], environment: configOnly(fixture))
            #expect(listed.status == 0, "\(listed)")
            #expect(
                try decodeJSON([WebhookEndpoint].self, listed.stdout).count
                    == (try await fixture.endpoints()).count)
        }
    }

    @Test func loginWithAWrongTokenSavesNothing() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await login(fixture, profile: "work", token: "polar_oat_not_a_real_token")
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.hasPrefix("error: the token was not accepted"))
            #expect(!result.stderr.contains("polar_oat_not_a_real_token"))
            #expect(!FileManager.default.fileExists(atPath: fixture.configPath))
        }
    }

    @Test func loginWithNothingOnStandardInputIsAUsageError() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await PolarHooksBinary.run(
                ["login", "--api-url", fixture.baseURL], environment: configOnly(fixture), stdin: "")
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no token was given"))
        }
    }

    @Test func aConfigFileOthersCanReadIsRefusedWithTheFix() async throws {
        try await EmulatorFixture.with { fixture in
            #expect(try await login(fixture, profile: "work").status == 0)
            chmod(fixture.configPath, 0o644)
            let result = try await PolarHooksBinary.run(
                ["endpoints", "list"], environment: configOnly(fixture))
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("chmod 600 \(fixture.configPath)"))
            #expect(!result.stderr.contains(EmulatorTokens.organization))
            chmod(fixture.configPath, 0o600)
            #expect(
                try await PolarHooksBinary.run(["endpoints", "list"], environment: configOnly(fixture))
                    .status == 0)
        }
    }

    @Test func profilesListMarksTheDefaultAndNeverShowsTokens() async throws {
        try await EmulatorFixture.with { fixture in
            #expect(try await login(fixture, profile: "work").status == 0)
            #expect(try await login(fixture, profile: "personal", token: EmulatorTokens.user).status == 0)
            let listed = try await PolarHooksBinary.run(
                ["profiles", "list"], environment: configOnly(fixture))
            #expect(listed.status == 0, "\(listed)")
            let lines = listed.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("*") && $0.contains("work") })
            #expect(lines.contains { !$0.hasPrefix("*") && $0.contains("personal") })
            #expect(!listed.stdout.contains(EmulatorTokens.organization))
            #expect(!listed.stdout.contains(EmulatorTokens.user))

            let used = try await PolarHooksBinary.run(
                ["profiles", "use", "personal"], environment: configOnly(fixture))
            #expect(used.status == 0, "\(used)")
            let json = try await PolarHooksBinary.run(
                ["profiles", "list", "--json"], environment: configOnly(fixture))
            #expect(json.stdout.contains("\"default\": true"))
            #expect(!json.stdout.contains("polar_"))
            #expect(try mode(fixture.configPath) == 0o600)

            // The user token (two organizations) is now the default.
            let orgs = try await PolarHooksBinary.run(
                ["endpoints", "list", "--json"], environment: configOnly(fixture))
            let organizations = Set(
                try decodeJSON([WebhookEndpoint].self, orgs.stdout).map(\.organizationId))
            #expect(organizations.count == 2)

            let unknown = try await PolarHooksBinary.run(
                ["profiles", "use", "nope"], environment: configOnly(fixture))
            #expect(unknown.status == 2, "\(unknown)")
            #expect(unknown.stderr.contains("no profile named 'nope'"))
        }
    }

    @Test func logoutRemovesOnlyTheToken() async throws {
        try await EmulatorFixture.with { fixture in
            #expect(try await login(fixture, profile: "work").status == 0)
            let result = try await PolarHooksBinary.run(["logout"], environment: configOnly(fixture))
            #expect(result.status == 0, "\(result)")
            let text = try String(contentsOfFile: fixture.configPath, encoding: .utf8)
            #expect(!text.contains(EmulatorTokens.organization))
            #expect(text.contains(fixture.baseURL))
            let listed = try await PolarHooksBinary.run(
                ["endpoints", "list"], environment: configOnly(fixture))
            #expect(listed.status == 3, "\(listed)")
            #expect(listed.stderr.contains("no access token"))
        }
    }

    @Test func flagsBeatEnvironmentWhichBeatsTheProfile() async throws {
        try await EmulatorFixture.with { fixture in
            #expect(try await login(fixture, profile: "work").status == 0)
            var environment = configOnly(fixture)
            environment["POLAR_ACCESS_TOKEN"] = "polar_oat_wrong"
            let envWins = try await PolarHooksBinary.run(["endpoints", "list"], environment: environment)
            #expect(envWins.status == 3, "the environment's wrong token beats the profile's good one")
            let flagWins = try await PolarHooksBinary.run(
                ["endpoints", "list", "--token", EmulatorTokens.organization], environment: environment)
            #expect(flagWins.status == 0, "\(flagWins)")
            environment["POLAR_ACCESS_TOKEN"] = nil
            environment["POLAR_API_URL"] = "http://127.0.0.1:1"
            let urlFromEnvironment = try await PolarHooksBinary.run(
                ["endpoints", "list"], environment: environment)
            #expect(
                urlFromEnvironment.status == 1,
                "the environment's URL beats the profile's: \(urlFromEnvironment)")
            #expect(urlFromEnvironment.stderr.hasPrefix("error: "))
        }
    }

    @Test func profileOptionWorksBeforeAndAfterTheSubcommand() async throws {
        try await EmulatorFixture.with { fixture in
            #expect(try await login(fixture, profile: "work").status == 0)
            #expect(
                try await login(fixture, profile: "other", token: EmulatorTokens.readOnly).status == 0)
            let create = ["--url", "https://example.com/p", "--format", "raw", "--event", "order.paid"]
            let afterIt = try await PolarHooksBinary.run(
                ["endpoints", "create", "--profile", "other"] + create, environment: configOnly(fixture))
            #expect(afterIt.status == 3, "read-only profile: \(afterIt)")
            let beforeIt = try await PolarHooksBinary.run(
                ["--profile", "other", "endpoints", "create"] + create, environment: configOnly(fixture))
            #expect(beforeIt.status == 3, "read-only profile: \(beforeIt)")
            let missing = try await PolarHooksBinary.run(
                ["endpoints", "list", "--profile", "ghost"], environment: configOnly(fixture))
            #expect(missing.status == 2, "\(missing)")
            #expect(missing.stderr.contains("no profile named 'ghost'"))
        }
    }
}

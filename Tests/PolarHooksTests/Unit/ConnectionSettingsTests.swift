import PolarAPI
import Testing

@testable import polar_hooks

@Suite struct ConnectionSettingsTests {
    let config = ConfigFile(
        defaultProfile: "work",
        profiles: [
            "work": ConfigFile.Profile(
                environment: "sandbox", organizationID: "org-profile", token: "profile-token"),
            "local": ConfigFile.Profile(
                environment: "sandbox", apiURL: "http://127.0.0.1:9000", token: "local-token"),
        ])

    @Test func profileAloneSuppliesEverything() throws {
        let settings = try ConnectionSettings.resolve(
            flags: ConnectionFlags(), environment: [:], config: config)
        #expect(settings.profileName == "work")
        #expect(settings.profileExists)
        #expect(!settings.profileWasNamed)
        #expect(settings.environment == .sandbox)
        #expect(settings.environmentSource == .profile)
        #expect(settings.token == "profile-token")
        #expect(settings.tokenSource == .profile)
        #expect(settings.organizationID == "org-profile")
    }

    @Test func environmentVariablesBeatTheProfile() throws {
        let settings = try ConnectionSettings.resolve(
            flags: ConnectionFlags(),
            environment: [
                "POLAR_ACCESS_TOKEN": "env-token", "POLAR_ENVIRONMENT": "production",
                "POLAR_ORGANIZATION_ID": "org-env",
            ], config: config)
        #expect(settings.token == "env-token")
        #expect(settings.tokenSource == .environment)
        #expect(settings.environment == .production)
        #expect(settings.organizationID == "org-env")
    }

    @Test func flagsBeatEnvironmentVariables() throws {
        let settings = try ConnectionSettings.resolve(
            flags: ConnectionFlags(
                token: "flag-token", apiURL: "http://127.0.0.1:1234", organizationID: "org-flag"),
            environment: ["POLAR_ACCESS_TOKEN": "env-token", "POLAR_ENVIRONMENT": "sandbox"],
            config: config)
        #expect(settings.token == "flag-token")
        #expect(settings.tokenSource == .flag)
        #expect(settings.environment == .custom("http://127.0.0.1:1234"))
        #expect(settings.organizationID == "org-flag")
    }

    @Test func apiURLWinsOverEnvironmentNameAtTheSameLevel() throws {
        let fromProfile = try ConnectionSettings.resolve(
            flags: ConnectionFlags(profile: "local"), environment: [:], config: config)
        #expect(fromProfile.environment == .custom("http://127.0.0.1:9000"))
        let fromVariables = try ConnectionSettings.resolve(
            flags: ConnectionFlags(),
            environment: ["POLAR_ENVIRONMENT": "sandbox", "POLAR_API_URL": "http://127.0.0.1:5"],
            config: config)
        #expect(fromVariables.environment == .custom("http://127.0.0.1:5"))
    }

    @Test func namedProfileIsUsedAndReportedMissing() throws {
        let missing = try ConnectionSettings.resolve(
            flags: ConnectionFlags(profile: "nope"), environment: [:], config: config)
        #expect(missing.profileName == "nope")
        #expect(!missing.profileExists)
        #expect(missing.profileWasNamed)
        #expect(missing.token == nil)
        #expect(missing.environment == .production)
        let fromVariable = try ConnectionSettings.resolve(
            flags: ConnectionFlags(), environment: ["POLAR_PROFILE": "local"], config: config)
        #expect(fromVariable.token == "local-token")
    }

    @Test func withoutAnyConfigurationItIsProductionWithoutToken() throws {
        let settings = try ConnectionSettings.resolve(
            flags: ConnectionFlags(), environment: [:], config: ConfigFile())
        #expect(settings.profileName == "default")
        #expect(settings.environment == .production)
        #expect(settings.environmentSource == .builtIn)
        #expect(settings.token == nil)
    }

    @Test func badValuesAreRefusedNamingTheirSource() {
        #expect {
            try ConnectionSettings.resolve(
                flags: ConnectionFlags(), environment: ["POLAR_ENVIRONMENT": "staging"], config: config)
        } throws: {
            ($0 as? CLIError)?.message.contains("POLAR_ENVIRONMENT must be 'production' or 'sandbox'")
                ?? false
        }
        #expect {
            try ConnectionSettings.resolve(
                flags: ConnectionFlags(apiURL: "ftp://x"), environment: [:], config: config)
        } throws: { ($0 as? CLIError)?.message.contains("--api-url") ?? false }
        #expect {
            try ConnectionSettings.resolve(
                flags: ConnectionFlags(environment: "sandbox", apiURL: "https://x.example"),
                environment: [:],
                config: config)
        } throws: { ($0 as? CLIError)?.exitStatus == ExitStatus.usage }
    }

    @Test func parentOptionsFillOnlyWhatTheChildLeftOut() throws {
        let child = try ConnectionOptions.parse(["--profile", "child"])
        let parent = try ConnectionOptions.parse([
            "--profile", "parent", "--token", "parent-token", "--env", "sandbox",
        ])
        let merged = child.merged(with: parent)
        #expect(merged.profile == "child")
        #expect(merged.token == "parent-token")
        #expect(merged.environment == "sandbox")
        let childWithURL = try ConnectionOptions.parse(["--api-url", "http://127.0.0.1:1"])
        #expect(childWithURL.merged(with: parent).environment == nil)
        #expect(childWithURL.merged(with: parent).apiURL == "http://127.0.0.1:1")
    }
}

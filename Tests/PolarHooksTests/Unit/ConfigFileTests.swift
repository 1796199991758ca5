import Testing

@testable import polar_hooks

@Suite struct ConfigFileTests {
    @Test func parsesProfilesAndDefault() throws {
        let config = try ConfigFile(
            toml: """
                default_profile = "work"

                [profiles.work]
                environment = "sandbox"
                organization_id = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"
                token = "polar_oat_abc"

                [profiles.local]
                api_url = "http://127.0.0.1:8787"
                future_key = 3
                """)
        #expect(config.defaultProfile == "work")
        #expect(
            config.profiles["work"]
                == ConfigFile.Profile(
                    environment: "sandbox", organizationID: "1dbfc517-0bbf-4301-9ba8-555ca42b9737",
                    token: "polar_oat_abc"))
        #expect(config.profiles["local"] == ConfigFile.Profile(apiURL: "http://127.0.0.1:8787"))
    }

    @Test func writtenTextReadsBackTheSame() throws {
        let original = ConfigFile(
            defaultProfile: "b",
            profiles: [
                "a": ConfigFile.Profile(environment: "production", token: "tok\"en\\with quotes"),
                "b": ConfigFile.Profile(apiURL: "https://example.com", organizationID: "org"),
                "c-d_1": ConfigFile.Profile(),
            ])
        let text = original.tomlText
        #expect(text.contains("[profiles.a]"))
        #expect(try ConfigFile(toml: text) == original)
    }

    @Test func emptyTextIsAnEmptyConfig() throws {
        #expect(try ConfigFile(toml: "") == ConfigFile())
    }

    @Test func invalidTOMLIsRefusedInWords() {
        #expect {
            try ConfigFile(toml: "default_profile = ")
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.exitStatus == ExitStatus.usage && error.message.contains("not valid TOML")
        }
    }

    @Test func wrongTypesAreRefusedWithTheirPlace() {
        #expect {
            try ConfigFile(toml: "[profiles.work]\ntoken = 42\n")
        } throws: { error in
            (error as? CLIError)?.message.contains("'token' in [profiles.work]") ?? false
        }
        #expect {
            try ConfigFile(toml: "profiles = \"x\"\n")
        } throws: { error in
            (error as? CLIError)?.message.contains("'profiles'") ?? false
        }
    }

    @Test func profileNamesAreChecked() throws {
        try ProfileName.validate("work-2_b")
        #expect(throws: CLIError.self) { try ProfileName.validate("") }
        #expect(throws: CLIError.self) { try ProfileName.validate("has space") }
        #expect(throws: CLIError.self) { try ProfileName.validate("a.b") }
    }
}

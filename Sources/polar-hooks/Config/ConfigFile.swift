import TOMLKit

/// The contents of `config.toml`: named profiles and which one is used by default.
///
/// ```toml
/// default_profile = "work"
///
/// [profiles.work]
/// environment = "sandbox"
/// organization_id = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"
/// token = "polar_oat_…"
/// ```
struct ConfigFile: Equatable, Sendable {
    var defaultProfile: String?
    var profiles: [String: Profile]

    init(defaultProfile: String? = nil, profiles: [String: Profile] = [:]) {
        self.defaultProfile = defaultProfile
        self.profiles = profiles
    }

    /// One named set of connection settings. Every field is optional.
    struct Profile: Equatable, Sendable {
        /// `production` or `sandbox`.
        var environment: String?
        /// Any base URL (e.g. the emulator); wins over `environment`.
        var apiURL: String?
        var organizationID: String?
        var token: String?

        init(
            environment: String? = nil, apiURL: String? = nil, organizationID: String? = nil,
            token: String? = nil
        ) {
            self.environment = environment
            self.apiURL = apiURL
            self.organizationID = organizationID
            self.token = token
        }
    }

    /// True when any profile keeps a token (the file must then be private).
    var holdsTokens: Bool { profiles.values.contains { $0.token?.isEmpty == false } }

    enum Key {
        static let defaultProfile = "default_profile"
        static let profiles = "profiles"
        static let environment = "environment"
        static let apiURL = "api_url"
        static let organizationID = "organization_id"
        static let token = "token"
    }

    /// Parses TOML text. Unknown keys are ignored so that newer files still load.
    init(toml text: String) throws(CLIError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .usage(
                "the config file is not valid TOML (line \(error.source.begin.line): \(error.description))")
        } catch {
            throw .usage("the config file is not valid TOML")
        }
        self.init()
        defaultProfile = try Self.string(table, Key.defaultProfile, in: "the top level")
        guard let profilesValue = table[Key.profiles] else { return }
        guard let profilesTable = profilesValue.table else {
            throw .usage("'profiles' in the config file must be a table of [profiles.NAME] sections")
        }
        for name in profilesTable.keys {
            guard let section = profilesTable[name]?.table else {
                throw .usage("[profiles.\(name)] in the config file must be a table")
            }
            let place = "[profiles.\(name)]"
            profiles[name] = Profile(
                environment: try Self.string(section, Key.environment, in: place),
                apiURL: try Self.string(section, Key.apiURL, in: place),
                organizationID: try Self.string(section, Key.organizationID, in: place),
                token: try Self.string(section, Key.token, in: place))
        }
    }

    /// The file's text, written by TOMLKit: `default_profile`, then one `[profiles.NAME]` table each.
    var tomlText: String {
        let root = TOMLTable()
        if let defaultProfile { root[Key.defaultProfile] = defaultProfile }
        let profilesTable = TOMLTable()
        for (name, profile) in profiles {
            let section = TOMLTable()
            let fields: [(String, String?)] = [
                (Key.environment, profile.environment), (Key.apiURL, profile.apiURL),
                (Key.organizationID, profile.organizationID), (Key.token, profile.token),
            ]
            for case (let key, let value?) in fields { section[key] = value }
            profilesTable[name] = section
        }
        if !profiles.isEmpty { root[Key.profiles] = profilesTable }
        let header =
            "# polar-hooks configuration. It holds access tokens: keep it private (chmod 600).\n"
        return header + root.convert(to: .toml, options: [.allowUnicodeStrings, .indentations]) + "\n"
    }

    private static func string(_ table: TOMLTable, _ key: String, in place: String) throws(CLIError)
        -> String?
    {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw .usage("'\(key)' in \(place) of the config file must be a quoted string")
        }
        return text
    }
}

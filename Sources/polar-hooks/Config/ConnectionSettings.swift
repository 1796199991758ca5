import FoundationEssentials
import PolarAPI
import TextTools

/// What the command line said about the connection; nil means "not given".
struct ConnectionFlags: Equatable, Sendable {
    var token: String?
    var environment: String?
    var apiURL: String?
    var profile: String?
    var organizationID: String?

    init(
        token: String? = nil, environment: String? = nil, apiURL: String? = nil, profile: String? = nil,
        organizationID: String? = nil
    ) {
        self.token = token
        self.environment = environment
        self.apiURL = apiURL
        self.profile = profile
        self.organizationID = organizationID
    }
}

/// Where a setting came from, for messages like "the token from POLAR_ACCESS_TOKEN".
enum SettingSource: Equatable, Sendable {
    case flag, environment, profile, builtIn
}

/// The connection after applying the precedence flags > environment variables > profile.
struct ConnectionSettings: Equatable, Sendable {
    /// The profile that was consulted (and that `login` and `logout` write).
    var profileName: String
    /// Whether that profile is in the config file.
    var profileExists: Bool
    /// Whether the profile was named by `--profile` or `POLAR_PROFILE` rather than the default.
    var profileWasNamed: Bool
    var environment: PolarEnvironment
    var environmentSource: SettingSource
    var token: String?
    var tokenSource: SettingSource?
    var organizationID: String?

    /// The profile used when the file names no default.
    static let fallbackProfileName = "default"

    /// Applies the precedence rules. Invalid environment names or URLs are refused in words.
    static func resolve(
        flags: ConnectionFlags, environment variables: [String: String], config: ConfigFile
    ) throws(CLIError) -> ConnectionSettings {
        func variable(_ name: String) -> String? {
            guard let value = variables[name]?.trimmingWhitespaceAndNewlines(),
                !value.isEmpty
            else { return nil }
            return value
        }

        let namedProfile = flags.profile ?? variable("POLAR_PROFILE")
        if let namedProfile { try ProfileName.validate(namedProfile) }
        let profileName = namedProfile ?? config.defaultProfile ?? fallbackProfileName
        let profile = config.profiles[profileName]

        if flags.environment != nil, flags.apiURL != nil {
            throw .usage("give either --env or --api-url, not both")
        }
        let resolvedEnvironment: (PolarEnvironment, SettingSource)
        if let url = flags.apiURL {
            resolvedEnvironment = (try customEnvironment(url, from: "--api-url"), .flag)
        } else if let name = flags.environment {
            resolvedEnvironment = (try namedEnvironment(name, from: "--env"), .flag)
        } else if let url = variable("POLAR_API_URL") {
            resolvedEnvironment = (try customEnvironment(url, from: "POLAR_API_URL"), .environment)
        } else if let name = variable("POLAR_ENVIRONMENT") {
            resolvedEnvironment = (try namedEnvironment(name, from: "POLAR_ENVIRONMENT"), .environment)
        } else if let url = profile?.apiURL {
            resolvedEnvironment = (
                try customEnvironment(url, from: "api_url of profile '\(profileName)'"), .profile
            )
        } else if let name = profile?.environment {
            resolvedEnvironment = (
                try namedEnvironment(name, from: "environment of profile '\(profileName)'"), .profile
            )
        } else {
            resolvedEnvironment = (.production, .builtIn)
        }

        let token: (String, SettingSource)? =
            if let token = flags.token?.trimmingWhitespaceAndNewlines(), !token.isEmpty {
                (token, .flag)
            } else if let token = variable("POLAR_ACCESS_TOKEN") {
                (token, .environment)
            } else if let token = profile?.token, !token.isEmpty {
                (token, .profile)
            } else {
                nil
            }

        let organizationID =
            flags.organizationID ?? variable("POLAR_ORGANIZATION_ID") ?? profile?.organizationID

        return ConnectionSettings(
            profileName: profileName, profileExists: profile != nil, profileWasNamed: namedProfile != nil,
            environment: resolvedEnvironment.0, environmentSource: resolvedEnvironment.1,
            token: token?.0, tokenSource: token?.1, organizationID: organizationID)
    }

    static func namedEnvironment(_ name: String, from source: String) throws(CLIError)
        -> PolarEnvironment
    {
        guard let environment = PolarEnvironment(name: name) else {
            throw .usage("\(source) must be 'production' or 'sandbox', not '\(name)'")
        }
        return environment
    }

    /// Any http or https base URL with a host; plain http is allowed for a local emulator.
    static func customEnvironment(_ text: String, from source: String) throws(CLIError)
        -> PolarEnvironment
    {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host, !host.isEmpty
        else {
            throw .usage(
                "\(source) must be an http or https base URL such as https://sandbox-api.polar.sh")
        }
        return .custom(trimmed)
    }
}

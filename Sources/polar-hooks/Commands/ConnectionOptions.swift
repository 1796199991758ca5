import ArgumentParser

/// The options that choose the server, the token and the profile. Every command that talks
/// to Polar includes them; the root command has them too, for the dashboard.
struct ConnectionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Use this profile of the config file (default: its default_profile).", valueName: "name"))
    var profile: String?

    @Option(
        name: .customLong("env"),
        help: ArgumentHelp("production or sandbox (env POLAR_ENVIRONMENT).", valueName: "environment"))
    var environment: String?

    @Option(
        help: ArgumentHelp(
            "Any Polar-compatible base URL, e.g. a local emulator (env POLAR_API_URL).", valueName: "url")
    )
    var apiURL: String?

    @Option(
        help: ArgumentHelp(
            "Access token. Other users can see it in the process list: prefer POLAR_ACCESS_TOKEN or 'login'.",
            valueName: "token"))
    var token: String?

    /// These flags, filled in from a parent command's where this one left them out, so
    /// `polar-hooks --profile work endpoints list` works like `polar-hooks endpoints list --profile work`.
    func merged(with parent: ConnectionOptions?) -> ConnectionOptions {
        guard let parent else { return self }
        var merged = self
        merged.profile = profile ?? parent.profile
        if environment == nil, apiURL == nil {
            merged.environment = parent.environment
            merged.apiURL = parent.apiURL
        }
        merged.token = token ?? parent.token
        return merged
    }

    func flags(organizationID: String? = nil) -> ConnectionFlags {
        ConnectionFlags(
            token: token, environment: environment, apiURL: apiURL, profile: profile,
            organizationID: organizationID)
    }
}

/// `--json` and colour control, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the API's JSON instead of a table.")
    var json = false

    @Flag(help: "No colours, even on a terminal (also env NO_COLOR).")
    var noColor = false
}

/// `--yes` for commands that change or remove something.
struct ConfirmationOptions: ParsableArguments {
    @Flag(
        name: [.customLong("yes"), .customShort("y")],
        help: "Do not ask for confirmation (required when standard input is not a terminal).")
    var yes = false
}

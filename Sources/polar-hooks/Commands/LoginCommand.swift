import ArgumentParser
import FoundationEssentials
import PolarAPI
import TextTools

/// `polar-hooks login`: check a pasted token and keep it in a profile.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Save an access token in a profile of the config file.",
        discussion: """
            Paste a Polar access token (Settings → Developers; it needs webhooks:read or webhooks:write). \
            On a terminal the token is read without echo; otherwise it is read from standard input:
              pbpaste | polar-hooks login --profile work --env sandbox

            The token is checked with the API, then written to $XDG_CONFIG_HOME/polar-hooks/config.toml \
            (default ~/.config/polar-hooks/config.toml) with mode 0600.
            """)

    @Option(
        name: .customLong("org"),
        help: ArgumentHelp("Also save this organization ID in the profile.", valueName: "id"))
    var organizationID: String?

    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let options = connection.merged(with: root.connection)
        let environment = ProcessInfo.processInfo.environment
        let store = ConfigStore(environment: environment)
        let config = try store.load()
        if let organizationID {
            _ = try IdentifierValidator.validate(organizationID, what: "organization ID")
        }
        // The token typed here is the one to check and save, not one from the environment.
        var flags = options.flags(organizationID: organizationID)
        flags.token = nil
        var variables = environment
        variables["POLAR_ACCESS_TOKEN"] = nil
        let settings = try ConnectionSettings.resolve(
            flags: flags, environment: variables, config: config)
        let console = Console.current()
        if options.token != nil {
            console.warn(
                "--token is visible to other users in the process list; prefer pasting it at the prompt")
        }
        let token = try options.token ?? readToken(console: console)

        let session = try await TokenCheck.verify(token: token, environment: settings.environment)

        try TokenSaver.save(token: token, settings: settings, store: store)
        console.print(
            "Logged in to \(settings.environment)\(session.organizationsText); saved the token in profile '\(settings.profileName)' of \(store.path)."
        )
    }

    private func readToken(console: Console) throws(CLIError) -> String {
        let text: String?
        if console.stdinIsTerminal {
            text = Prompt.readHidden("Paste your Polar access token (input is hidden): ")
        } else {
            text = Prompt.readAllStandardInput()
        }
        let token = (text ?? "").trimmingWhitespaceAndNewlines()
        guard !token.isEmpty else {
            throw .usage("no token was given; paste one, or pipe it to standard input")
        }
        guard !token.contains(where: { $0.isWhitespace }) else {
            throw .usage("a token is one word without spaces; paste only the token")
        }
        return token
    }
}

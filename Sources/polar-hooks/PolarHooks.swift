import ArgumentParser
import FoundationEssentials
import PolarAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `polar-hooks`: with no subcommand it opens the dashboard; the subcommands are for scripts.
@main
struct PolarHooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polar-hooks",
        abstract: "A terminal dashboard and command line for Polar webhook endpoints.",
        discussion: """
            Run with no command to open the dashboard; 'polar-hooks --demo' opens it on a built-in \
            emulator with sample data (no token, no network).

            Credentials, highest precedence first: --token/--env/--api-url, then the environment \
            (POLAR_ACCESS_TOKEN, POLAR_ENVIRONMENT, POLAR_API_URL, POLAR_ORGANIZATION_ID), then the \
            profile in $XDG_CONFIG_HOME/polar-hooks/config.toml (see 'login' and 'profiles').

            Exit status: 0 success, 1 API or network error, 2 usage or invalid input, \
            3 authentication (401/403), 4 not found, 5 an endpoint is unhealthy ('health'); \
            130 after Ctrl-C and 143 after SIGTERM (the dashboard, listen, emulator, health --watch).
            """,
        version: versionText,
        subcommands: RootSubcommands.all)

    /// What `--version` prints: the VERSION file, and the commit when built from git,
    /// e.g. "0.2.0 (abc1234)".
    static var versionText: String {
        BuildInfo.commit.map { "\(PolarClient.version) (\($0))" } ?? PolarClient.version
    }

    @Flag(help: "Open the dashboard on a built-in emulator with sample data (no token, no network).")
    var demo = false

    @Option(
        help: "With --demo: a trickle of made-up events to receivers inside the program, so health changes (on|off).")
    var demoTraffic: DemoTraffic = .on

    @Flag(help: "Let the dashboard use the mouse.")
    var mouse = false

    @Flag(help: "No colours (also env NO_COLOR).")
    var noColor = false

    @Option(
        help: ArgumentHelp(
            "Refresh the endpoints and their delivery health in the background every N seconds; 0 turns it off.",
            valueName: "seconds"))
    var refresh: Double = 15

    @Option(
        help: ArgumentHelp(
            "Spend at most N API requests a minute on background refresh (Polar allows 500 a minute in production, 100 in sandbox).",
            valueName: "N"))
    var refreshBudget = 20

    @Flag(help: "Ring the terminal bell when an endpoint starts failing or nears Polar's disable threshold.")
    var bell = false

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    func validate() throws {
        guard refresh.isFinite, refresh == 0 || (1...86_400).contains(refresh) else {
            throw ValidationError("--refresh must be 0 (off) or between 1 and 86400 seconds.")
        }
        guard (1...500).contains(refreshBudget) else {
            throw ValidationError("--refresh-budget must be between 1 and 500 requests a minute.")
        }
    }

    func run() async throws {
        try await DashboardLauncher(command: self).run()
    }

    /// Parses, runs, and turns every error into one `error: …` line and an exit status:
    /// 0 success, 1 API/network, 2 usage, 3 authentication, 4 not found.
    static func main() async {
        let status: Int32
        do {
            // The async parse: completing an endpoint ID asks the account (see EndpointIDCompletion).
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            status = ExitStatus.success
        } catch let error as CLIError {
            status = report(error.message, status: error.exitStatus)
        } catch let error as PolarError {
            let mapped = CLIError(error)
            status = report(mapped.message, status: mapped.exitStatus)
        } catch let exit as ExitCode {
            status = exit.rawValue
        } catch {
            status = reportParserError(error)
        }
        Glibc.exit(status)
    }

    private static func report(_ message: String, status: Int32) -> Int32 {
        Console.error(fragment(message))
        return status
    }

    /// A message as it reads after "error: ": the modules word theirs as sentences ("The port
    /// must …."), so the first letter is lowered (not in "HTTPS …" nor in a name such as
    /// "Polar") and a closing full stop dropped.
    static func fragment(_ message: String) -> String {
        var text = message
        let start = text.prefix(2)
        let firstWord = text.prefix { $0.isLetter }
        if start.count == 2, start.first?.isUppercase == true, start.last?.isLowercase == true,
            !properNouns.contains(String(firstWord))
        {
            text = text.prefix(1).lowercased() + text.dropFirst()
        }
        if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
        return text
    }

    /// Words that keep their capital letter at the start of a message.
    private static let properNouns: Set<String> = ["Polar", "Discord", "Slack", "Standard"]

    /// ArgumentParser's own errors: help and completions go to stdout with status 0;
    /// usage errors keep its text (with the usage line) but exit with 2, not 64.
    private static func reportParserError(_ error: Error) -> Int32 {
        let code = exitCode(for: error)
        let text = fullMessage(for: error)
        if code == .success {
            // Help and completion scripts: our own text, written as it is.
            if !text.isEmpty { Console.out(text + "\n") }
            return ExitStatus.success
        }
        var message = text
        if text.hasPrefix("Error: ") {
            let rest = text.dropFirst("Error: ".count)
            message = "error: " + rest.prefix(1).lowercased() + rest.dropFirst()
        }
        // A usage error can quote what was typed, escape sequences included.
        Console.writeParserText(message + "\n", toStandardError: true)
        return code == .validationFailure ? ExitStatus.usage : code.rawValue
    }
}

/// `--demo-traffic on|off`.
enum DemoTraffic: String, ExpressibleByArgument, CaseIterable {
    case on, off
}

/// The subcommands, in the order `--help` lists them.
enum RootSubcommands {
    static let all: [any ParsableCommand.Type] = [
        EndpointsCommand.self, DeliveriesCommand.self, EventsCommand.self, EventTypesCommand.self, HealthCommand.self,
        ListenCommand.self, VerifyCommand.self, LoginCommand.self, LogoutCommand.self, ProfilesCommand.self,
        EmulatorCommand.self,
    ]
}

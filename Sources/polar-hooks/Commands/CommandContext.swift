import FoundationEssentials
import PolarAPI
import TerminalText

/// What every API command needs: the settings it resolved, the console, and a client.
struct CommandContext {
    let settings: ConnectionSettings
    let store: ConfigStore
    let console: Console
    /// `--json` was given (false for commands without output options).
    let printsJSON: Bool

    /// Resolves the connection (flags > environment > profile) and warns about `--token`.
    init(
        connection: ConnectionOptions, parent: ConnectionOptions? = nil, organizationID: String? = nil,
        output: OutputOptions? = nil
    ) throws(CLIError) {
        let options = connection.merged(with: parent)
        let environment = ProcessInfo.processInfo.environment
        store = ConfigStore(environment: environment)
        let config = try store.load()
        settings = try ConnectionSettings.resolve(
            flags: options.flags(organizationID: organizationID), environment: environment, config: config
        )
        console = Console.current(noColor: output?.noColor ?? false)
        printsJSON = output?.json ?? false
        if settings.tokenSource == .flag {
            console.warn(
                "--token is visible to other users in the process list; prefer POLAR_ACCESS_TOKEN or 'polar-hooks login'"
            )
        }
        if settings.profileWasNamed, !settings.profileExists {
            throw .usage(
                "there is no profile named '\(settings.profileName)' in \(store.path); create it with 'polar-hooks login --profile \(settings.profileName)'"
            )
        }
    }

    /// Whose token this is (an organization's must not send organization_id).
    var tokenKind: TokenKind { settings.token.map { TokenKind(token: $0) } ?? .unknown }

    /// A client for the resolved connection, or a refusal when there is no token.
    func makeClient(retryPolicy: RetryPolicy = .default) throws(CLIError) -> PolarClient {
        guard let token = settings.token else {
            throw .authentication(
                "no access token: run 'polar-hooks login', set POLAR_ACCESS_TOKEN, or try 'polar-hooks --demo'"
            )
        }
        return PolarClient(
            configuration: PolarClientConfiguration(
                environment: settings.environment, token: token, retryPolicy: retryPolicy))
    }

    /// Runs `body` with a client and always shuts the client down; API errors become
    /// ``CLIError``s with their exit status.
    func withClient<T>(_ body: (PolarClient) async throws -> T) async throws -> T {
        let client = try makeClient()
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch let error as PolarError {
            await client.shutdown()
            throw CLIError(error)
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Refuses, before any request, to go on without `--yes` when nobody can answer.
    func requireConfirmationPossible(yes: Bool, action: String) throws(CLIError) {
        if yes || console.stdinIsTerminal { return }
        throw .usage(
            "refusing to \(action) without confirmation: standard input is not a terminal; add --yes")
    }

    /// Asks on the terminal unless `--yes` was given; a "no" ends the command cleanly.
    func confirm(_ question: String, yes: Bool) throws(CLIError) {
        if yes { return }
        guard Prompt.confirm(question) else {
            throw CLIError("cancelled; nothing was changed", exitStatus: ExitStatus.failure)
        }
    }

    /// Writes a value as JSON, or the text made by `text`.
    func emit<Value: Encodable>(_ value: Value, text: () -> StyledText) throws(CLIError) {
        if printsJSON {
            console.printJSON(try JSONOutput.text(value))
        } else {
            console.print(text())
        }
    }
}

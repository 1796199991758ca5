import ArgumentParser
import Dashboard
import FoundationEssentials
import Logging
import PolarAPI
import PolarEmulator

/// Opens the dashboard for the root command: on the demo emulator, on the configured
/// connection, or, with no token anywhere, on the first-run screen.
struct DashboardLauncher {
    let command: PolarHooks

    func run() async throws {
        let console = Console.current(noColor: command.noColor)
        guard console.stdinIsTerminal, console.stdoutIsTerminal else {
            throw CLIError.usage(
                "the dashboard needs a terminal; for scripts use the commands listed by 'polar-hooks --help'"
            )
        }
        // Nothing may write log lines over the full-screen dashboard.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let options = DashboardOptions(
            color: console.usesColor, mouse: command.mouse, refreshInterval: command.refresh,
            refreshBudget: command.refreshBudget, bell: command.bell)
        let resources = DashboardResources()
        let signal: Int32?
        do {
            signal = try await open(options: options, resources: resources)
        } catch {
            await resources.release()
            throw error
        }
        await resources.release()
        if let signal { throw ExitCode(128 + signal) }
    }

    private func open(options: DashboardOptions, resources: DashboardResources) async throws -> Int32? {
        if command.demo {
            return try await DashboardApp.run(
                try await resources.startDemo(traffic: command.demoTraffic == .on), options: options)
        }
        let context = try CommandContext(connection: command.connection)
        if let token = context.settings.token {
            let client = try context.makeClient()
            await resources.keep(client)
            let connection = DashboardConnection(
                client: client, environment: context.settings.environment,
                tokenKind: TokenKind(token: token))
            return try await DashboardApp.run(connection, options: options)
        }
        let settings = context.settings
        let store = context.store
        let demoTraffic = command.demoTraffic == .on
        return try await DashboardApp.runFirstRun(
            options: options,
            useToken: { token in
                _ = try await TokenCheck.verify(token: token, environment: settings.environment)
                try TokenSaver.save(token: token, settings: settings, store: store)
                let client = PolarClient(
                    configuration: PolarClientConfiguration(environment: settings.environment, token: token))
                await resources.keep(client)
                return DashboardConnection(
                    client: client, environment: settings.environment, tokenKind: TokenKind(token: token))
            },
            startDemo: { try await resources.startDemo(traffic: demoTraffic) })
    }
}

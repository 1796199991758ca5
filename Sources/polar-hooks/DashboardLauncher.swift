/// Opens the dashboard for the root command. (Wired to the Dashboard module once it lands.)
struct DashboardLauncher {
    let command: PolarHooks

    func run() async throws {
        throw CLIError.failure("the dashboard is not available in this build yet; see 'polar-hooks --help'")
    }
}

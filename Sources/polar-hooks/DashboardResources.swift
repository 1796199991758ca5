import Dashboard
import PolarAPI
import PolarEmulator

/// Clients and the demo emulator the dashboard used, released when it ends.
actor DashboardResources {
    private var clients: [PolarClient] = []
    private var emulators: [PolarEmulator] = []

    func keep(_ client: PolarClient) {
        clients.append(client)
    }

    /// Starts the in-process emulator with its sample data on a free loopback port and
    /// connects with its organization token: no token of the user's, no network.
    func startDemo() async throws -> DashboardConnection {
        let emulator = try PolarEmulator(options: EmulatorOptions(port: 0))
        let baseURL = try await emulator.start()
        emulators.append(emulator)
        let environment = PolarEnvironment.custom(baseURL)
        let client = PolarClient(
            configuration: PolarClientConfiguration(
                environment: environment, token: EmulatorTokens.organization))
        clients.append(client)
        return DashboardConnection(client: client, environment: environment, tokenKind: .organization)
    }

    func release() async {
        for client in clients { await client.shutdown() }
        for emulator in emulators { await emulator.stop() }
        clients = []
        emulators = []
    }
}

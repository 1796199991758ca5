import Dashboard
import PolarAPI
import PolarEmulator

/// Clients and the demo emulator the dashboard used, released when it ends.
actor DashboardResources {
    private var clients: [PolarClient] = []
    private var demos: [DemoEmulator] = []

    func keep(_ client: PolarClient) {
        clients.append(client)
    }

    /// Starts the in-process emulator with its sample data (and its receivers, and with
    /// `traffic` a trickle of events) on free loopback ports and connects with its organization
    /// token: no token of the user's, no network.
    func startDemo(traffic: Bool) async throws -> DashboardConnection {
        let demo = try await DemoEmulator.start(traffic: traffic)
        demos.append(demo)
        let environment = PolarEnvironment.custom(demo.baseURL)
        let client = PolarClient(
            configuration: PolarClientConfiguration(
                environment: environment, token: EmulatorTokens.organization))
        clients.append(client)
        return DashboardConnection(client: client, environment: environment, tokenKind: .organization)
    }

    func release() async {
        for client in clients { await client.shutdown() }
        for demo in demos { await demo.stop() }
        clients = []
        demos = []
    }
}

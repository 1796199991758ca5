/// `polar-hooks --demo`: the emulator with its sample data, its endpoints' deliveries routed to
/// ``DemoReceivers`` inside the process (nothing leaves the machine), and, unless turned off, a
/// trickle of made-up events so health can be watched changing.
public final class DemoEmulator: Sendable {
    /// About one event every four seconds.
    public static let trafficPerMinute = 15.0
    /// Retries ten times faster than Polar's, so a failing event spends its 10 attempts in
    /// minutes rather than half an hour.
    public static let retryDelayScale = 0.1

    /// The sample endpoints' hosts and the receiver each one's deliveries go to. The sample
    /// "Inventory sync" endpoint is the one on the flaky receiver.
    static let receiverForHost = [
        "hooks.acme-demo.example": "ok", "crm.acme-demo.example": "ok", "api.side-project.example": "ok",
        "analytics.acme-demo.example": "ok", "inventory.acme-demo.example": "flaky", "discord.com": "discord",
        "hooks.slack.com": "slack",
    ]

    public let emulator: PolarEmulator
    public let receivers: DemoReceivers
    /// The emulator's base URL.
    public let baseURL: String

    /// Starts the receivers and the emulator on free loopback ports.
    /// - Parameters:
    ///   - traffic: make up events (``trafficPerMinute`` of them a minute unless `rate` says otherwise).
    ///   - seed: fixes the traffic and the flaky receiver (for tests).
    public static func start(traffic: Bool, seed: UInt64? = nil, rate: Double = trafficPerMinute) async throws
        -> DemoEmulator
    {
        let receivers = try await DemoReceivers.start(seed: seed)
        do {
            let emulator = try PolarEmulator(
                options: options(receivers: receivers, trafficPerMinute: traffic ? rate : 0, seed: seed))
            return DemoEmulator(emulator: emulator, receivers: receivers, baseURL: try await emulator.start())
        } catch {
            await receivers.stop()
            throw error
        }
    }

    static func options(receivers: DemoReceivers, trafficPerMinute: Double, seed: UInt64?) -> EmulatorOptions {
        EmulatorOptions(
            port: 0, retryDelayScale: retryDelayScale, trafficPerMinute: trafficPerMinute,
            trafficSeed: seed,
            deliveryRedirects: receiverForHost.mapValues { "\(receivers.baseURL)/\($0)" })
    }

    private init(emulator: PolarEmulator, receivers: DemoReceivers, baseURL: String) {
        self.emulator = emulator
        self.receivers = receivers
        self.baseURL = baseURL
    }

    /// Stops the traffic, the emulator and the receivers.
    public func stop() async {
        await emulator.stop()
        await receivers.stop()
    }
}

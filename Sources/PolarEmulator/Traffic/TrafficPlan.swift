import PolarAPI

/// When the next made-up event comes and of which type: about `perMinute` a minute, each gap
/// drawn between half and one and a half of the mean, each type among those some enabled
/// endpoint subscribes to. Seeded, so a test sees the same sequence every time.
struct TrafficPlan: Sendable {
    /// The most `--traffic` accepts: a hundred events a second.
    static let maxPerMinute = 6000.0

    let perMinute: Double
    private var random: DeterministicIDs

    init(perMinute: Double, seed: UInt64) {
        self.perMinute = perMinute
        random = DeterministicIDs(seed: seed)
    }

    /// The wait before the next event.
    mutating func nextDelay() -> Duration {
        let mean = 60 / max(perMinute, 1 / 60)
        let seconds = Double.random(in: (mean / 2)...(mean * 3 / 2), using: &random)
        return .milliseconds(Int64(seconds * 1000))
    }

    /// One of `types`, or nil when nothing is subscribed.
    mutating func nextType(from types: [WebhookEventType]) -> WebhookEventType? {
        types.randomElement(using: &random)
    }
}

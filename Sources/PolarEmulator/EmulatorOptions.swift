/// How a ``PolarEmulator`` behaves. Every field has a default suited to local development.
public struct EmulatorOptions: Sendable {
    /// The address to listen on. Keep it on loopback unless you mean to share the emulator.
    public var host: String
    /// The port; 0 picks a free one (``PolarEmulator/start()`` returns the real one).
    public var port: Int
    /// Start with the demo endpoints, events and deliveries.
    public var sampleData: Bool
    /// Extra generated endpoints for Acme Demo (for benchmarks).
    public var seedEndpoints: Int
    /// A JSON file to load at start and to rewrite after every change.
    public var statePath: String?
    /// Requests per minute and token on `/v1`; nil means unlimited.
    public var rateLimitPerMinute: Int?
    /// Probability (0…1) that a `/v1` request fails: a 500, a 503, a dropped connection or a slow answer.
    public var faultRate: Double
    /// Delay added to every `/v1` answer.
    public var latencyMilliseconds: Int
    /// Accept `http://` and loopback or private hosts in endpoint URLs (for local listeners).
    public var allowInsecureURLs: Bool
    /// Send webhooks to hosts other than loopback. Off by default: such deliveries are recorded
    /// as failed without any traffic.
    public var deliverExternally: Bool
    /// Multiplies the retry backoff (CONTRACT.md §5.4); e.g. 0.001 makes ten attempts take milliseconds.
    public var retryDelayScale: Double
    /// How long a "slow answer" fault waits, in milliseconds.
    public var slowFaultMilliseconds: Int
    /// Events the emulator makes up on its own, per minute (0: none), each of a type some
    /// enabled endpoint subscribes to, delivered like any other.
    public var trafficPerMinute: Double
    /// Seeds the made-up traffic, so a test sees the same sequence; nil picks one at random.
    public var trafficSeed: UInt64?
    /// Endpoint host → loopback URL the deliveries for that host really go to (the endpoint's
    /// path is appended). The endpoint keeps its URL on screen and in Polar's error texts;
    /// the demo uses this so nothing leaves the machine.
    public var deliveryRedirects: [String: String]

    public init(
        host: String = "127.0.0.1", port: Int = 8787, sampleData: Bool = true, seedEndpoints: Int = 0,
        statePath: String? = nil, rateLimitPerMinute: Int? = nil, faultRate: Double = 0,
        latencyMilliseconds: Int = 0, allowInsecureURLs: Bool = false, deliverExternally: Bool = false,
        retryDelayScale: Double = 1, slowFaultMilliseconds: Int = 3000, trafficPerMinute: Double = 0,
        trafficSeed: UInt64? = nil, deliveryRedirects: [String: String] = [:]
    ) {
        self.host = host
        self.port = port
        self.sampleData = sampleData
        self.seedEndpoints = seedEndpoints
        self.statePath = statePath
        self.rateLimitPerMinute = rateLimitPerMinute
        self.faultRate = faultRate
        self.latencyMilliseconds = latencyMilliseconds
        self.allowInsecureURLs = allowInsecureURLs
        self.deliverExternally = deliverExternally
        self.retryDelayScale = retryDelayScale
        self.slowFaultMilliseconds = slowFaultMilliseconds
        self.trafficPerMinute = trafficPerMinute
        self.trafficSeed = trafficSeed
        self.deliveryRedirects = deliveryRedirects
    }
}

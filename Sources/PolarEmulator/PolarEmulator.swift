import BackgroundServer
import FoundationEssentials
import Hummingbird
import Logging
import NIOCore
import PolarAPI

/// A Polar-compatible HTTP server for webhook endpoints and deliveries (CONTRACT.md §§1–5),
/// with sample data, a delivery worker and fault injection.
///
/// ```swift
/// let emulator = try PolarEmulator(options: EmulatorOptions(port: 0))
/// let baseURL = try await emulator.start()   // "http://127.0.0.1:54321"
/// // … use PolarClient with EmulatorTokens.organization …
/// await emulator.stop()
/// ```
public final class PolarEmulator: Sendable {
    public let options: EmulatorOptions
    /// The clock origin of the sample data.
    public let startedAt: Date

    let store: EmulatorStore
    let worker: DeliveryWorker
    private let traffic: TrafficGenerator?
    private let logger: Logger
    private let server = BackgroundServer()

    /// Prepares the emulator and loads the state file if there is one.
    ///
    /// - Throws: ``EmulatorError`` for an option out of range or a state file that cannot be
    ///   read; a corrupt state file is never overwritten.
    public init(options: EmulatorOptions) throws(EmulatorError) {
        try Self.check(options)
        self.options = options
        let startedAt = Date()
        self.startedAt = startedAt
        var logger = Logger(label: "polar-emulator")
        logger.logLevel = .warning
        self.logger = logger
        let stateFile = options.statePath.map(StateFile.init(path:))
        let loaded = try stateFile?.load()
        let snapshot =
            loaded
            ?? SampleData.build(
                now: startedAt, sample: options.sampleData, seedEndpoints: options.seedEndpoints)
        let store = EmulatorStore(
            snapshot: snapshot, stateFile: stateFile,
            urlRules: URLValidation(allowInsecure: options.allowInsecureURLs),
            logger: logger)
        self.store = store
        let worker = DeliveryWorker(
            store: store, deliverExternally: options.deliverExternally,
            retryDelayScale: options.retryDelayScale, redirects: DeliveryRedirects(options.deliveryRedirects),
            logger: logger)
        self.worker = worker
        traffic =
            options.trafficPerMinute > 0
            ? TrafficGenerator(
                plan: TrafficPlan(
                    perMinute: options.trafficPerMinute, seed: options.trafficSeed ?? UInt64.random(in: .min ... .max)),
                store: store, worker: worker)
            : nil
        if let stateFile, loaded == nil {
            do {
                try stateFile.save(snapshot)
            } catch {
                throw .unreadableStateFile(path: stateFile.path, reason: "cannot create it: \(error)")
            }
        }
    }

    private static func check(_ options: EmulatorOptions) throws(EmulatorError) {
        guard (0...65535).contains(options.port) else {
            throw .invalidOption("The port must be between 0 and 65535.")
        }
        guard (0...1).contains(options.faultRate) else {
            throw .invalidOption("The fault rate must be between 0 and 1.")
        }
        guard options.seedEndpoints >= 0 else {
            throw .invalidOption("The number of seeded endpoints cannot be negative.")
        }
        guard options.latencyMilliseconds >= 0 else {
            throw .invalidOption("The latency cannot be negative.")
        }
        if let limit = options.rateLimitPerMinute, limit < 1 {
            throw .invalidOption("The rate limit must be at least 1 request per minute.")
        }
        guard options.retryDelayScale >= 0, options.retryDelayScale.isFinite else {
            throw .invalidOption("The retry delay scale must be a number of 0 or more.")
        }
        guard (0...TrafficPlan.maxPerMinute).contains(options.trafficPerMinute) else {
            throw .invalidOption(
                "The traffic must be between 0 and \(Int(TrafficPlan.maxPerMinute)) events per minute.")
        }
        for (host, target) in options.deliveryRedirects where !DeliveryRedirects.isLoopback(target) {
            throw .invalidOption(
                "Deliveries for \(host) can only be redirected to a loopback http(s) URL, not \(target).")
        }
    }

    /// Starts serving in the background.
    ///
    /// - Returns: the base URL, e.g. `http://127.0.0.1:8787` (the real port when `port` is 0).
    public func start() async throws -> String {
        let sampleData = options.sampleData
        let seedEndpoints = options.seedEndpoints
        let startedAt = startedAt
        let urlRules = URLValidation(allowInsecure: options.allowInsecureURLs)
        let counters = TrafficCounters()
        let routes = EmulatorRoutes.table(
            api: EmulatorAPI(store: store, worker: worker, urlRules: urlRules, startedAt: startedAt),
            admin: AdminRoutes(
                store: store, worker: worker,
                initialState: {
                    SampleData.build(now: startedAt, sample: sampleData, seedEndpoints: seedEndpoints)
                }, counters: counters))
        let responder = EmulatorResponder(
            routes: routes,
            polarLayers: EmulatorResponder.polarLayers(
                faults: FaultInjector(
                    rate: options.faultRate, slowness: .milliseconds(options.slowFaultMilliseconds), counters: counters),
                rateLimiter: options.rateLimitPerMinute.map(RateLimiter.init(perMinute:)),
                latency: .milliseconds(options.latencyMilliseconds), counters: counters))

        do {
            // Polar answers a declared body over 10 MiB itself, in JSON (BodyLengthMiddleware).
            let port = try await server.start(
                responder, host: options.host, port: options.port, logLabel: "polar-emulator.http",
                limits: ServerLimits(
                    maxBodyBytes: BodyLengthMiddleware.maxBodyBytes, oversizedBodyAnswer: .responder))
            traffic?.start()
            return "http://\(BackgroundServer.urlHost(options.host)):\(port)"
        } catch {
            switch error {
            case .alreadyRunning: throw EmulatorError.alreadyRunning
            case .cannotListen(let reason):
                throw EmulatorError.cannotListen(host: options.host, port: options.port, reason: reason)
            }
        }
    }

    /// Stops serving and cancels deliveries in flight. Safe to call more than once.
    public func stop() async {
        await traffic?.stop()
        await server.stop()
        await worker.shutdown()
        await store.persist()
    }

    /// Deliveries still being attempted or waiting to retry (for tests and the health route).
    public var activeDeliveries: Int { worker.activeCount }
}

import AsyncHTTPClient
import FoundationEssentials
import Logging
import NIOCore
import NIOPosix
import PolarAPI
import StandardWebhooks
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends events to their endpoints as Polar does (CONTRACT.md §5.2–5.5): signed POSTs, a 10 s
/// timeout, no redirects, up to 10 attempts with exponential backoff.
///
/// Safety: only loopback hosts get real traffic unless `deliverExternally` is set; any other
/// delivery is recorded as failed without a packet leaving the machine.
final class DeliveryWorker: Sendable {
    static let timeout: TimeAmount = .seconds(10)

    private let store: EmulatorStore
    /// Made on first use, so an emulator that never delivers owns no client to shut down.
    private let client = Mutex<HTTPClient?>(nil)
    private let deliverExternally: Bool
    private let retryDelayScale: Double
    private let redirects: DeliveryRedirects
    private let logger: Logger
    private let tasks = Mutex<[UUID: Task<Void, Never>]>([:])

    init(
        store: EmulatorStore, deliverExternally: Bool, retryDelayScale: Double,
        redirects: DeliveryRedirects = DeliveryRedirects([:]), logger: Logger
    ) {
        self.store = store
        self.deliverExternally = deliverExternally
        self.retryDelayScale = retryDelayScale
        self.redirects = redirects
        self.logger = logger
    }

    private var httpClient: HTTPClient {
        client.withLock { client in
            if let client { return client }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow, timeout: .init(connect: Self.timeout, read: Self.timeout))
            configuration.httpVersion = .http1Only
            // httpx gives up on a refused connection at once; the pool would retry until the deadline.
            configuration.connectionPool.retryConnectionEstablishment = false
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            client = made
            return made
        }
    }

    /// Starts delivering an event in the background: Polar's `webhook_event.send` task, with
    /// `redeliver` as the redeliver endpoint queues it.
    func start(eventId: String, redeliver: Bool = false) {
        let key = UUID()
        tasks.withLock { tasks in
            tasks[key] = Task { [self] in
                await self.deliver(eventId: eventId, redeliver: redeliver)
                _ = self.tasks.withLock { $0.removeValue(forKey: key) }
            }
        }
    }

    /// Deliveries still running (attempting or waiting to retry).
    var activeCount: Int { tasks.withLock { $0.count } }

    /// Stops every running delivery.
    func cancelAll() async {
        let running = tasks.withLock { tasks in
            defer { tasks.removeAll() }
            return Array(tasks.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    func shutdown() async {
        await cancelAll()
        let made = client.withLock { client in
            defer { client = nil }
            return client
        }
        try? await made?.shutdown()
    }

    /// Polar's task retries at most `_ordering_max_retries + WEBHOOK_MAX_RETRIES` times in all.
    static let maxRetries = 200 + EmulatorStore.maxAttempts

    private func deliver(eventId: String, redeliver: Bool) async {
        var retries = 0
        while !Task.isCancelled, retries <= Self.maxRetries {
            switch await store.prepareSend(eventId: eventId, redeliver: redeliver) {
            case .stop:
                return
            case .wait(let earlierPending):
                retries += 1
                guard await pause(Self.fifoGuardDelay(earlierPending: earlierPending)) else { return }
            case .send(let request):
                let result = await send(request)
                guard !Task.isCancelled else { return }
                switch await store.record(attempt: result, eventId: eventId, endpointId: request.endpointId) {
                case .finished:
                    return
                case .retry(let deliveries):
                    retries += 1
                    guard await pause(backoff(afterFailure: deliveries)) else { return }
                }
            }
        }
    }

    /// False when cancelled while waiting.
    private func pause(_ duration: Duration) async -> Bool {
        do {
            try await Task.sleep(for: duration)
            return true
        } catch {
            return false
        }
    }

    /// `WEBHOOK_FIFO_GUARD_DELAY_MS` per earlier pending event, at most the guard's age limit.
    /// Not scaled by `retryDelayScale`: the guard waits for another delivery, not for a backoff.
    static func fifoGuardDelay(earlierPending: Int) -> Duration {
        .milliseconds(min(earlierPending, 200) * 300)
    }

    /// dramatiq's `compute_backoff(n, factor=2000 ms, max_backoff=20 min)` with jitter in [b/2, b),
    /// scaled by `retryDelayScale`.
    func backoff(afterFailure attempt: Int) -> Duration {
        let ceiling = min(2000.0 * pow(2.0, Double(attempt)), 20 * 60 * 1000.0)
        let milliseconds = Double.random(in: (ceiling / 2)..<ceiling) * retryDelayScale
        return .microseconds(Int64(milliseconds * 1000))
    }

    /// How much of a receiver's body is kept to find its first 2048 characters.
    static let keptBodyBytes = 64 * 1024

    /// One HTTP attempt, recorded as Polar records it (CONTRACT.md §3, §5.3).
    func send(_ request: DeliveryRequest) async -> DeliveryResult {
        let parsed = try? WebhookURL.parse(request.url, allowInsecure: true).get()
        // A redirect (the demo) sends to a loopback receiver; Polar's texts still quote the endpoint URL.
        let redirect = parsed.flatMap(redirects.target(for:))
        let isLoopback = redirect != nil || parsed.map { WebhookURLRules.isLoopback(host: $0.host) } == true
        guard deliverExternally || isLoopback else { return .externalDeliveryOff }
        let body = Array(request.payload.utf8)
        let signer: WebhookSigner
        do {
            signer = try WebhookSigner(secret: request.secret, scheme: request.scheme)
        } catch {
            return DeliveryResult(
                succeeded: false, httpCode: nil, response: "emulator: cannot sign: \(error)")
        }
        var http = HTTPClientRequest(url: redirect ?? request.url)
        http.method = .POST
        http.headers.add(name: "user-agent", value: "polar.sh webhooks")
        http.headers.add(name: "content-type", value: "application/json")
        for header in signer.headers(
            id: request.eventId, timestamp: Int(Date().timeIntervalSince1970), body: body)
        {
            http.headers.add(name: header.name, value: header.value)
        }
        http.headers.add(name: "webhook-api-version", value: request.apiVersion.rawValue)
        http.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(http, timeout: Self.timeout)
        } catch {
            return DeliveryResult(succeeded: false, httpCode: nil, response: Self.describe(error))
        }
        var kept: [UInt8] = []
        var received = 0
        do {
            // Read it all (within the timeout), keep the start: a receiver may answer with anything.
            for try await chunk in response.body {
                received += chunk.readableBytes
                if kept.count < Self.keptBodyBytes {
                    kept += chunk.readableBytesView.prefix(Self.keptBodyBytes - kept.count)
                }
            }
        } catch {
            // httpx reads the body before answering, so a body cut short is no HTTP answer at all.
            let text =
                Self.isTimeout(error)
                ? DeliveryResponseText.NetworkFailure.timedOut
                : DeliveryResponseText.NetworkFailure.incompleteBody(
                    received: received, expected: response.headers.first(name: "content-length").flatMap { Int($0) })
            return DeliveryResult(succeeded: false, httpCode: nil, response: text)
        }
        let code = Int(response.status.code)
        let text = DeliveryResponseText.body(kept, contentType: response.headers.first(name: "content-type"))
        guard (200..<300).contains(code) else {
            return DeliveryResult(
                succeeded: false, httpCode: code,
                response: text
                    ?? DeliveryResponseText.statusError(
                        code: code, url: request.url, location: response.headers.first(name: "location")))
        }
        return DeliveryResult(succeeded: true, httpCode: code, response: text)
    }

    private static func isTimeout(_ error: any Error) -> Bool {
        guard let clientError = error as? HTTPClientError else { return false }
        return [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout, .tlsHandshakeTimeout].contains(
            clientError)
    }

    /// httpx's text for an attempt that got no HTTP answer.
    static func describe(_ error: any Error) -> String {
        typealias Failure = DeliveryResponseText.NetworkFailure
        if isTimeout(error) { return Failure.timedOut }
        if let clientError = error as? HTTPClientError, clientError == .remoteConnectionClosed {
            return Failure.disconnected
        }
        if let connection = error as? NIOConnectionError {
            return connection.connectionErrors.isEmpty
                && (connection.dnsAError != nil || connection.dnsAAAAError != nil)
                ? Failure.unknownHost : Failure.refused
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return Failure.refused }
        if error is ChannelError { return Failure.disconnected }
        // TLS and protocol errors: httpx quotes the underlying library; this is ours.
        return "\(error)"
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PolarAPI
import StandardWebhooks

/// Sends events to their endpoints as Polar does (CONTRACT.md §5.2–5.5): signed POSTs, a 10 s
/// timeout, no redirects, up to 10 attempts with exponential backoff.
///
/// Safety: only loopback hosts get real traffic unless `deliverExternally` is set; any other
/// delivery is recorded as failed without a packet leaving the machine.
final class DeliveryWorker: Sendable {
    static let maxAttempts = 10
    static let timeout: TimeAmount = .seconds(10)
    static let responseLimit = 2048

    private let store: EmulatorStore
    /// Made on first use, so an emulator that never delivers owns no client to shut down.
    private let client = LockedValue<HTTPClient?>(nil)
    private let deliverExternally: Bool
    private let retryDelayScale: Double
    private let logger: Logger
    private let tasks = LockedValue<[UUID: Task<Void, Never>]>([:])

    init(store: EmulatorStore, deliverExternally: Bool, retryDelayScale: Double, logger: Logger) {
        self.store = store
        self.deliverExternally = deliverExternally
        self.retryDelayScale = retryDelayScale
        self.logger = logger
    }

    private var httpClient: HTTPClient {
        client.withLock { client in
            if let client { return client }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow, timeout: .init(connect: Self.timeout, read: Self.timeout))
            configuration.httpVersion = .http1Only
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            client = made
            return made
        }
    }

    /// Starts delivering an event in the background.
    func start(eventId: String) {
        let key = UUID()
        tasks.withLock { tasks in
            tasks[key] = Task { [self] in
                await self.deliver(eventId: eventId)
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

    private func deliver(eventId: String) async {
        for attempt in 1...Self.maxAttempts {
            guard !Task.isCancelled, case .send(let request) = await store.plan(eventId: eventId) else {
                return
            }
            let result = await send(request)
            guard !Task.isCancelled else { return }
            let isFinal = attempt == Self.maxAttempts
            await store.record(
                attempt: result, eventId: eventId, endpointId: request.endpointId, isFinal: isFinal)
            if result.succeeded || isFinal { return }
            do {
                try await Task.sleep(for: backoff(afterFailure: attempt))
            } catch {
                return
            }
        }
    }

    /// dramatiq's `compute_backoff(n, factor=2000 ms, max_backoff=20 min)` with jitter in [b/2, b),
    /// scaled by `retryDelayScale`.
    func backoff(afterFailure attempt: Int) -> Duration {
        let ceiling = min(2000.0 * pow(2.0, Double(attempt)), 20 * 60 * 1000.0)
        let milliseconds = Double.random(in: (ceiling / 2)..<ceiling) * retryDelayScale
        return .microseconds(Int64(milliseconds * 1000))
    }

    /// One HTTP attempt.
    func send(_ request: DeliveryRequest) async -> DeliveryResult {
        guard let host = URL(string: request.url)?.host,
            deliverExternally || WebhookURLRules.isLoopback(host: host)
        else { return .externalDeliveryOff }
        let body = Array(request.payload.utf8)
        let signer: WebhookSigner
        do {
            signer = try WebhookSigner(secret: request.secret, scheme: request.scheme)
        } catch {
            return DeliveryResult(
                succeeded: false, httpCode: nil, response: "emulator: cannot sign: \(error)")
        }
        var http = HTTPClientRequest(url: request.url)
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
        do {
            let response = try await httpClient.execute(http, timeout: Self.timeout)
            var collected: [UInt8] = []
            // Read what matters and drop the rest: a receiver may answer with anything.
            for try await chunk in response.body where collected.count < Self.responseLimit * 4 {
                collected += chunk.readableBytesView
            }
            let code = Int(response.status.code)
            return DeliveryResult(
                succeeded: (200..<300).contains(code), httpCode: code,
                response: Self.storedResponse(collected))
        } catch {
            return DeliveryResult(succeeded: false, httpCode: nil, response: Self.describe(error))
        }
    }

    /// The first 2048 characters without NUL bytes; nil for an empty body.
    static func storedResponse(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\0", with: "")
        return text.isEmpty ? nil : String(text.prefix(responseLimit))
    }

    private static func describe(_ error: any Error) -> String {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "Request timed out after 10 s"
            default: return "\(clientError)"
            }
        }
        return "\(error)"
    }
}

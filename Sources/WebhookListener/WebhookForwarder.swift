import AsyncHTTPClient
import FoundationEssentials
import NIOCore

/// Sends a received webhook on to the user's own server, body byte for byte and with the
/// headers Polar sends, so that server can verify it exactly as it would verify Polar.
final class WebhookForwarder: Sendable {
    /// What the forward target answered; passed back to Polar as the delivery's response.
    struct Answer: Sendable {
        var status: Int
        var contentType: String?
        var body: [UInt8]
        var milliseconds: Int
    }

    struct Failure: Error, Sendable {
        let reason: String
    }

    /// Headers that describe one hop, not the webhook; the client sets its own, and none of
    /// them can be asked for with `--forward-header`.
    static let hopByHop: Set<String> = [
        "host", "connection", "keep-alive", "content-length", "transfer-encoding", "te", "trailer",
        "upgrade", "proxy-authorization", "proxy-connection", "expect",
    ]

    /// What Polar sends besides the `webhook-*` headers.
    static let polarHeaders: Set<String> = ["content-type", "user-agent"]

    /// More of an answer than this is dropped: Polar keeps only the start of a response.
    static let answerLimit = 64 * 1024

    /// The target is usually on this machine, so a connection that takes longer is not coming.
    static let connectTimeout = TimeAmount.seconds(2)

    let url: String
    let timeout: Duration
    /// Further header names to pass on, lowercased.
    let extraHeaders: Set<String>
    private let client: HTTPClient

    init(url: String, timeout: Duration, extraHeaders: Set<String> = []) {
        self.url = url
        self.timeout = timeout
        self.extraHeaders = extraHeaders
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.connectTimeout, read: TimeAmount.nanoseconds(Int64(timeout.nanoseconds))))
        configuration.httpVersion = .http1Only
        // A refused connection is reported at once instead of being retried until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func forward(path: String, headers: [ReceivedWebhook.Header], body: [UInt8]) async throws(Failure)
        -> Answer
    {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        // Each name once, the first value: the one the listener verified.
        var passed: Set<String> = []
        for header in headers where passesOn(header.name) && passed.insert(header.name.lowercased()).inserted {
            request.headers.add(name: header.name, value: header.value)
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.nanoseconds)))
            var collected: [UInt8] = []
            for try await chunk in response.body where collected.count < Self.answerLimit {
                collected += chunk.readableBytesView.prefix(Self.answerLimit - collected.count)
            }
            return Answer(
                status: Int(response.status.code), contentType: response.headers.first(name: "content-type"),
                body: collected, milliseconds: (ContinuousClock.now - started).milliseconds)
        } catch {
            throw Failure(reason: describe(error))
        }
    }

    /// Only what Polar sends goes on, and what the user asked for: the signature covers the
    /// body, the id and the timestamp, not `Authorization`, `Cookie` or whatever else a sender
    /// adds, and the user's server may trust those.
    func passesOn(_ name: String) -> Bool {
        let lowercased = name.lowercased()
        return lowercased.hasPrefix("webhook-") || Self.polarHeaders.contains(lowercased)
            || extraHeaders.contains(lowercased)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    private func describe(_ error: any Error) -> String {
        let notConnected = "could not connect (is your server running and listening there?)"
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout: return notConnected
            case .deadlineExceeded, .readTimeout: return "no answer within \(timeout.milliseconds / 1000) s"
            default: return "\(clientError)"
            }
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError { return notConnected }
        let text = "\(error)"
        return text.lowercased().contains("refused") ? "connection refused" : text
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }

    var milliseconds: Int { Int(nanoseconds / 1_000_000) }
}

import BackgroundServer
import FoundationEssentials
import StandardWebhooks
import Synchronization

/// A local HTTP server that takes Polar's webhooks, verifies their signatures (both of Polar's
/// key derivations), and answers them or forwards them byte for byte to the user's own server.
///
/// ```swift
/// let listener = try WebhookListener(options: ListenerOptions(port: 0, secret: secret))
/// let url = try await listener.start()          // "http://127.0.0.1:54321"
/// for await webhook in listener.webhooks { print(webhook.eventType ?? "?", webhook.verification) }
/// ```
public final class WebhookListener: Sendable {
    public let options: ListenerOptions
    /// Every webhook as it is answered, in order (or a batch at a time: `webhooks.batches`). It
    /// ends when the listener stops. When its reader falls far behind, newer webhooks are still
    /// answered but left out (counted in ``unreportedCount``).
    public let webhooks: ReceivedWebhooks

    private let feed = WebhookFeed()
    private let seen: SeenWebhooks
    private let forwarder: WebhookForwarder?
    private let server = BackgroundServer()
    private let hasStopped = Mutex(false)

    /// Checks the options; nothing listens until ``start()``.
    ///
    /// - Throws: ``ListenerError/invalidOption(_:)`` for a port out of range, a path without a
    ///   leading `/`, a forward URL that is not http(s), a header name that cannot be forwarded,
    ///   an empty secret, or a limit that cannot be used.
    public init(options: ListenerOptions) throws(ListenerError) {
        guard (0...65535).contains(options.port) else {
            throw .invalidOption("The port must be between 0 and 65535.")
        }
        if let path = options.path, !path.hasPrefix("/") {
            throw .invalidOption("The path must start with /, like /webhooks.")
        }
        if let forwardURL = options.forwardURL {
            guard let url = URL(string: forwardURL), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host?.isEmpty == false
            else {
                throw .invalidOption(
                    "The forward URL must be an http:// or https:// URL with a host, like http://localhost:3000/webhooks."
                )
            }
        }
        if let secret = options.secret, secret.isEmpty {
            throw .invalidOption("The secret is empty.")
        }
        for name in options.forwardHeaders {
            if let problem = Self.problem(forwarding: name) { throw .invalidOption(problem) }
        }
        if let problem = options.limits.problem { throw .invalidOption(problem) }
        self.options = options
        webhooks = ReceivedWebhooks(feed: feed)
        let toleranceSeconds = options.tolerance.components.seconds
        seen = SeenWebhooks(window: toleranceSeconds, capacity: options.rememberedAttempts)
        forwarder = options.forwardURL.map {
            WebhookForwarder(
                url: $0, timeout: options.forwardTimeout,
                extraHeaders: Set(options.forwardHeaders.map { $0.lowercased() }))
        }
    }

    /// Why a header cannot be forwarded on request, in words; nil when it can.
    static func problem(forwarding name: String) -> String? {
        // RFC 9110 token characters.
        let token = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard !name.isEmpty, name.allSatisfy({ token.contains($0) }) else {
            return "'\(name.prefix(60))' is not a header name (letters, digits and -, like X-Request-Id)."
        }
        if WebhookForwarder.hopByHop.contains(name.lowercased()) {
            return "The \(name) header belongs to one connection and is never forwarded."
        }
        return nil
    }

    /// The connections kept open at once once started: `options.limits.maxConnections`, or
    /// fewer where the process may not open that many descriptors.
    public var connectionLimit: Int? { server.connectionLimit }

    /// Webhooks answered but left out of ``webhooks`` because its reader fell behind.
    public var unreportedCount: Int { feed.droppedCount }

    /// Starts listening in the background.
    ///
    /// - Returns: the listener's URL, e.g. `http://127.0.0.1:8788/webhooks` (the real port when
    ///   the port is 0, and the path when one was given).
    public func start() async throws(ListenerError) -> String {
        if hasStopped.withLock({ $0 }) { throw .stopped }
        let responder = ListenerResponder(
            path: options.path,
            verifier: options.secret.map { WebhookVerifier(secret: $0, tolerance: options.tolerance) },
            seen: seen, forwarder: forwarder, maxBodyBytes: options.limits.maxBodyBytes, feed: feed,
            counter: ListenerResponder.Counter())
        do {
            let port = try await server.start(
                responder, host: options.host, port: options.port, logLabel: "polar-hooks.listener",
                limits: options.limits)
            return "http://\(BackgroundServer.urlHost(options.host)):\(port)\(options.path ?? "/")"
        } catch {
            switch error {
            case .alreadyRunning: throw .alreadyRunning
            case .cannotListen(let reason): throw .cannotListen(host: options.host, port: options.port, reason: reason)
            }
        }
    }

    /// Stops listening and ends ``webhooks``. Safe to call more than once.
    public func stop() async {
        hasStopped.withLock { $0 = true }
        await server.stop()
        await forwarder?.shutdown()
        feed.finish()
    }
}

import BackgroundServer
import FoundationEssentials

/// How a ``WebhookListener`` listens, verifies and forwards.
public struct ListenerOptions: Sendable {
    /// The address to listen on; loopback by default, so nothing outside the machine can post.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The only path that takes webhooks (others get 404); nil takes every path.
    public var path: String?
    /// The endpoint's signing secret (`whsec_…` or a merchant-supplied one); nil skips verification.
    public var secret: String?
    /// Where verified webhooks are sent on, byte for byte; nil answers them here.
    public var forwardURL: String?
    /// Request headers forwarded besides the ones Polar sends (`webhook-*`, `content-type`,
    /// `user-agent`), by name in any case. Nothing else a sender adds (`Authorization`,
    /// `Cookie`, …) goes on: the signature does not cover headers.
    public var forwardHeaders: [String]
    /// How far a webhook's timestamp may be from the clock, as Polar's SDK allows; also how long
    /// a verified webhook's `webhook-id` is remembered to tell repeats.
    public var tolerance: Duration
    /// How long the forward target may take to answer: less than the 10 s Polar waits, so
    /// Polar records the listener's explanation rather than its own timeout.
    public var forwardTimeout: Duration
    /// Deadlines, the connection limit and the body size limit of the listener's server.
    public var limits: ServerLimits
    /// Attempts remembered at most to tell repeats; past it the oldest are forgotten first.
    public var rememberedAttempts: Int

    /// The listener's server limits: the server's own, with a body limit of 1 MiB. Polar's
    /// payloads are a few kilobytes, and 1,024 connections sending the most at once then hold
    /// 1 GiB rather than 10.
    public static let defaultLimits = ServerLimits(maxBodyBytes: 1024 * 1024)

    /// 50,000 attempts: over 160 a second for the whole five minutes, in about 10 MB.
    public static let defaultRememberedAttempts = 50_000

    public init(
        host: String = "127.0.0.1", port: Int = 8788, path: String? = nil, secret: String? = nil,
        forwardURL: String? = nil, forwardHeaders: [String] = [], tolerance: Duration = .seconds(300),
        forwardTimeout: Duration = .seconds(8), limits: ServerLimits = ListenerOptions.defaultLimits,
        rememberedAttempts: Int = ListenerOptions.defaultRememberedAttempts
    ) {
        self.host = host
        self.port = port
        self.path = path
        self.secret = secret
        self.forwardURL = forwardURL
        self.forwardHeaders = forwardHeaders
        self.tolerance = tolerance
        self.forwardTimeout = forwardTimeout
        self.limits = limits
        self.rememberedAttempts = rememberedAttempts
    }
}

import Foundation

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
    /// How far a webhook's timestamp may be from the clock, as Polar's SDK allows.
    public var tolerance: Duration
    /// How long the forward target may take to answer: less than the 10 s Polar waits, so
    /// Polar records the listener's explanation rather than its own timeout.
    public var forwardTimeout: Duration

    /// Webhooks larger than this are refused with 413 (Polar's payloads are far smaller).
    public static let maxBodyBytes = 5 * 1024 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8788, path: String? = nil, secret: String? = nil,
        forwardURL: String? = nil, tolerance: Duration = .seconds(300), forwardTimeout: Duration = .seconds(8)
    ) {
        self.host = host
        self.port = port
        self.path = path
        self.secret = secret
        self.forwardURL = forwardURL
        self.tolerance = tolerance
        self.forwardTimeout = forwardTimeout
    }
}

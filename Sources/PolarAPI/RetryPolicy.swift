/// When reads and repeat-safe writes (update, delete) are tried again: after connection
/// errors, 502/503/504 and 429. Creates, redeliveries and secret resets are never re-sent by us.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The first backoff; each later one doubles, with jitter, up to `maxDelay`.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `retry-after` we honour; a longer wait fails with `.rateLimited`.
    public var maxRetryAfter: Duration

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, maxRetryAfter: Duration) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public static let `default` = RetryPolicy(
        maxAttempts: 4, baseDelay: .milliseconds(250), maxDelay: .seconds(8), maxRetryAfter: .seconds(30))
    /// One attempt only.
    public static let none = RetryPolicy(
        maxAttempts: 1, baseDelay: .zero, maxDelay: .zero, maxRetryAfter: .zero)
}

/// How a ``PolarClient`` reaches Polar.
public struct PolarClientConfiguration: Sendable {
    public var environment: PolarEnvironment
    /// The bearer token. Never logged, printed or put in an error.
    public var token: String
    /// Sent as `Polar-Version` on every request.
    public var apiVersion: APIVersion
    /// Per-request timeout.
    public var timeout: Duration
    public var retryPolicy: RetryPolicy

    public init(
        environment: PolarEnvironment, token: String, apiVersion: APIVersion = .clientDefault,
        timeout: Duration = .seconds(20), retryPolicy: RetryPolicy = .default
    ) {
        self.environment = environment
        self.token = token
        self.apiVersion = apiVersion
        self.timeout = timeout
        self.retryPolicy = retryPolicy
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

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

/// When reads are tried again. Writes that create something are never re-sent by us.
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

/// The shared Polar API client used by the dashboard and the commands.
///
/// Every method maps HTTP failures to ``PolarError``. Reads are retried per the
/// ``RetryPolicy``; a create is never sent twice.
public final class PolarClient: Sendable {
    public let configuration: PolarClientConfiguration

    public init(configuration: PolarClientConfiguration) {
        self.configuration = configuration
    }

    /// Releases connections. Call once when done.
    public func shutdown() async {}

    // MARK: Endpoints

    /// One page of endpoints, newest first.
    public func listEndpoints(organizationIds: [String] = [], page: Int = 1, limit: Int = 100)
        async throws(PolarError) -> ListResource<WebhookEndpoint>
    { throw .network("not implemented") }

    /// Every endpoint, page by page in server order. After the first page the rest are
    /// fetched concurrently (bounded).
    public func endpointPages(organizationIds: [String] = [], pageSize: Int = 100)
        -> AsyncThrowingStream<ListResource<WebhookEndpoint>, any Error>
    { AsyncThrowingStream { $0.finish(throwing: PolarError.network("not implemented")) } }

    public func createEndpoint(_ body: WebhookEndpointCreate) async throws(PolarError) -> WebhookEndpoint
    { throw .network("not implemented") }

    public func endpoint(id: String) async throws(PolarError) -> WebhookEndpoint
    { throw .network("not implemented") }

    public func updateEndpoint(id: String, _ update: WebhookEndpointUpdate) async throws(PolarError) -> WebhookEndpoint
    { throw .network("not implemented") }

    public func deleteEndpoint(id: String) async throws(PolarError) { throw .network("not implemented") }

    /// A new secret; the old one stops working at once and the endpoint now signs the
    /// Standard Webhooks way.
    public func resetSecret(endpointId: String) async throws(PolarError) -> WebhookEndpoint
    { throw .network("not implemented") }

    // MARK: Deliveries and events

    public func listDeliveries(_ filter: DeliveryFilter = DeliveryFilter(), page: Int = 1, limit: Int = 100)
        async throws(PolarError) -> ListResource<WebhookDelivery>
    { throw .network("not implemented") }

    public func deliveryPages(_ filter: DeliveryFilter = DeliveryFilter(), pageSize: Int = 100)
        -> AsyncThrowingStream<ListResource<WebhookDelivery>, any Error>
    { AsyncThrowingStream { $0.finish(throwing: PolarError.network("not implemented")) } }

    /// Queues a new delivery of an event (an event id, not a delivery id).
    public func redeliver(eventId: String) async throws(PolarError) { throw .network("not implemented") }

    // MARK: Organizations

    /// Every organization the token can see (id, name, slug).
    public func organizations() async throws(PolarError) -> [Organization]
    { throw .network("not implemented") }
}

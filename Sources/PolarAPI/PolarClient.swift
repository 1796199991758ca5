import AsyncHTTPClient
import FoundationEssentials
import PolarJSON
import TextTools

/// The shared Polar API client used by the dashboard and the commands.
///
/// Every method maps HTTP failures to ``PolarError``. Reads, updates and deletes are retried
/// per the ``RetryPolicy``; a create, a redelivery or a secret reset is never sent twice.
/// Call ``shutdown()`` once when done: the client owns a connection pool.
///
/// The server is not trusted: every answer is bounded in time and size, lists are walked
/// within ``PagingLimits``, an item that cannot be read is reported beside the others
/// (``UnreadableItem``), and no error carries the access token (everything thrown passes
/// through `send`, `encode`, `decode` or a page stream, and each removes it).
public final class PolarClient: Sendable {
    /// This program's version, sent in the `User-Agent` header: the repository's VERSION file,
    /// read at build time by the BuildInfo plugin.
    public static let version = PackageVersion.number
    /// How many list pages are fetched at once after the first.
    public static let defaultPageConcurrency = 4

    public let configuration: PolarClientConfiguration
    /// The proxy settings read from the environment, with any that could not be used.
    public let proxySettings: ProxySettings
    /// The proxy requests go through, or nil when they connect directly.
    public let proxy: ProxyAddress?

    private let httpClient: HTTPClient
    private let ownsHTTPClient: Bool
    private let transport: HTTPTransport
    private let sleep: Sleeper
    private let unitRandom: @Sendable () -> Double
    private let pageConcurrency: Int
    private let pagingCeilings: PagingCeilings
    private let redactor: SecretRedactor

    /// A client with its own connection pool, honouring the process's proxy variables.
    public convenience init(configuration: PolarClientConfiguration) {
        self.init(configuration: configuration, environmentVariables: ProcessInfo.processInfo.environment)
    }

    /// A client with its own connection pool; `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are
    /// read from `environmentVariables` (see ``ProxySettings``).
    public convenience init(configuration: PolarClientConfiguration, environmentVariables: [String: String]) {
        self.init(configuration: configuration, httpClient: nil, environmentVariables: environmentVariables)
    }

    /// A client that shares an existing `HTTPClient`; ``shutdown()`` leaves it running. Its
    /// proxy, timeout and redirect settings are the caller's.
    public convenience init(configuration: PolarClientConfiguration, httpClient: HTTPClient) {
        self.init(configuration: configuration, httpClient: httpClient, environmentVariables: [:])
    }

    init(
        configuration: PolarClientConfiguration, httpClient injected: HTTPClient?,
        environmentVariables: [String: String], sleep: @escaping Sleeper = Sleepers.task,
        unitRandom: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        pageConcurrency: Int = PolarClient.defaultPageConcurrency, pagingCeilings: PagingCeilings = PagingCeilings(),
        maxBodyBytes: Int = HTTPTransport.defaultMaxBodyBytes
    ) {
        let baseURL = configuration.environment.baseURL
        let settings = ProxySettings(environment: environmentVariables)
        let proxy = injected == nil ? settings.proxy(forBaseURL: baseURL) : nil
        self.configuration = configuration
        self.proxySettings = settings
        self.proxy = proxy
        let httpClient = injected ?? Self.makeHTTPClient(timeout: configuration.timeout, proxy: proxy)
        self.httpClient = httpClient
        self.ownsHTTPClient = injected == nil
        self.transport = HTTPTransport(
            httpClient: httpClient, baseURL: baseURL, token: configuration.token,
            apiVersion: configuration.apiVersion, timeout: configuration.timeout, proxy: proxy,
            maxBodyBytes: maxBodyBytes)
        self.sleep = sleep
        self.unitRandom = unitRandom
        self.pageConcurrency = max(pageConcurrency, 1)
        self.pagingCeilings = pagingCeilings
        self.redactor = SecretRedactor(secret: configuration.token)
    }

    private static func makeHTTPClient(timeout: Duration, proxy: ProxyAddress?) -> HTTPClient {
        let amount = HTTPTransport.timeAmount(timeout)
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: amount, read: amount))
        // Fail fast on a refused connection; our own retry loop decides about trying again.
        configuration.connectionPool.retryConnectionEstablishment = false
        if let proxy {
            switch proxy.kind {
            case .http:
                let authorization = proxy.username.map {
                    HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
                }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            case .socks5:
                configuration.proxy = .socksServer(host: proxy.host, port: proxy.port)
            }
        }
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Releases connections. Call once when done; an injected `HTTPClient` is left running.
    public func shutdown() async {
        guard ownsHTTPClient else { return }
        try? await httpClient.shutdown()
    }

    // MARK: Endpoints

    /// One page of endpoints, newest first.
    public func listEndpoints(organizationIds: [String] = [], page: Int = 1, limit: Int = 100)
        async throws(PolarError) -> ListResource<WebhookEndpoint>
    {
        let query =
            organizationIds.map { ("organization_id", $0) } + [("page", String(page)), ("limit", String(limit))]
        return try await decodeList(
            WebhookEndpoint.self,
            from: send(
                APIRequest(method: .get, path: "/v1/webhooks/endpoints", query: query, repeatability: .idempotent)),
            what: "the endpoint list")
    }

    /// Every endpoint, page by page in server order. After the first page the rest are
    /// fetched concurrently (bounded). Repeats are dropped; a server whose pages contradict
    /// themselves, or that goes past ``PagingLimits/endpoints``, ends the stream with
    /// ``PolarError/untrustworthyPaging(_:)`` after the pages before.
    public func endpointPages(organizationIds: [String] = [], pageSize: Int = 100)
        -> AsyncThrowingStream<ListResource<WebhookEndpoint>, any Error>
    {
        let list = PagedList.endpoints(pagingCeilings.endpoints, pageSize: pageSize)
        return Paging.pages(of: list, concurrency: pageConcurrency, redact: redact) {
            [self] page async throws(PolarError) in
            try await listEndpoints(organizationIds: organizationIds, page: page, limit: pageSize)
        }
    }

    /// Every endpoint of every page, newest first, with those that could not be read.
    public func allEndpoints(organizationIds: [String] = [], pageSize: Int = 100)
        async throws(PolarError) -> CollectedList<WebhookEndpoint>
    {
        try await Paging.collect(endpointPages(organizationIds: organizationIds, pageSize: pageSize))
    }

    public func createEndpoint(_ body: WebhookEndpointCreate) async throws(PolarError) -> WebhookEndpoint {
        try await createEndpointReportingSecret(body).endpoint
    }

    /// Creates an endpoint and says whether Polar kept a supplied `secret`.
    ///
    /// A body with a `secret` is sent with `Polar-Version: 2026-04`, the version that documents it.
    public func createEndpointReportingSecret(_ body: WebhookEndpointCreate)
        async throws(PolarError) -> EndpointWriteResult
    {
        let request = APIRequest(
            method: .post, path: "/v1/webhooks/endpoints", body: try encode(body),
            apiVersion: body.secret == nil ? nil : .v2026_04, repeatability: .never)
        let endpoint = try await decode(WebhookEndpoint.self, from: send(request), what: "the created endpoint")
        return EndpointWriteResult(
            endpoint: endpoint, secretNotKept: SecretNotKept(requested: body.secret, returned: endpoint))
    }

    public func endpoint(id: String) async throws(PolarError) -> WebhookEndpoint {
        let request = APIRequest(method: .get, path: Self.endpointPath(id), repeatability: .idempotent)
        return try await decode(WebhookEndpoint.self, from: send(request), what: "the endpoint")
    }

    public func updateEndpoint(id: String, _ update: WebhookEndpointUpdate) async throws(PolarError) -> WebhookEndpoint
    {
        try await updateEndpointReportingSecret(id: id, update).endpoint
    }

    /// Updates an endpoint and says whether Polar kept a supplied `secret`. Nil fields are
    /// left out of the body, so they stay unchanged.
    public func updateEndpointReportingSecret(id: String, _ update: WebhookEndpointUpdate)
        async throws(PolarError) -> EndpointWriteResult
    {
        let request = APIRequest(
            method: .patch, path: Self.endpointPath(id), body: try encode(update),
            apiVersion: update.secret == nil ? nil : .v2026_04, repeatability: .idempotent)
        let endpoint = try await decode(WebhookEndpoint.self, from: send(request), what: "the updated endpoint")
        return EndpointWriteResult(
            endpoint: endpoint, secretNotKept: SecretNotKept(requested: update.secret, returned: endpoint))
    }

    /// Deletes an endpoint. If an earlier attempt may have reached Polar before a retry, a
    /// retry's 404 is taken as "already deleted".
    public func deleteEndpoint(id: String) async throws(PolarError) {
        _ = try await send(APIRequest(method: .delete, path: Self.endpointPath(id), repeatability: .deleteLike))
    }

    /// A new secret; the old one stops working at once and the endpoint now signs the
    /// Standard Webhooks way.
    public func resetSecret(endpointId: String) async throws(PolarError) -> WebhookEndpoint {
        let request = APIRequest(method: .patch, path: Self.endpointPath(endpointId) + "/secret", repeatability: .never)
        return try await decode(WebhookEndpoint.self, from: send(request), what: "the endpoint with its new secret")
    }

    // MARK: Deliveries and events

    public func listDeliveries(_ filter: DeliveryFilter = DeliveryFilter(), page: Int = 1, limit: Int = 100)
        async throws(PolarError) -> ListResource<WebhookDelivery>
    {
        let query = filter.queryItems + [("page", String(page)), ("limit", String(limit))]
        return try await decodeList(
            WebhookDelivery.self,
            from: send(
                APIRequest(method: .get, path: "/v1/webhooks/deliveries", query: query, repeatability: .idempotent)),
            what: "the delivery list")
    }

    /// Every delivery matching `filter`, page by page in server order, within
    /// ``PagingLimits/deliveries`` (see ``endpointPages(organizationIds:pageSize:)``).
    public func deliveryPages(_ filter: DeliveryFilter = DeliveryFilter(), pageSize: Int = 100)
        -> AsyncThrowingStream<ListResource<WebhookDelivery>, any Error>
    {
        let list = PagedList.deliveries(pagingCeilings.deliveries, pageSize: pageSize)
        return Paging.pages(of: list, concurrency: pageConcurrency, redact: redact) {
            [self] page async throws(PolarError) in
            try await listDeliveries(filter, page: page, limit: pageSize)
        }
    }

    /// Every delivery matching `filter`, newest first, with those that could not be read.
    public func allDeliveries(_ filter: DeliveryFilter = DeliveryFilter(), pageSize: Int = 100)
        async throws(PolarError) -> CollectedList<WebhookDelivery>
    {
        try await Paging.collect(deliveryPages(filter, pageSize: pageSize))
    }

    /// Queues a new delivery of an event (an event id, not a delivery id).
    public func redeliver(eventId: String) async throws(PolarError) {
        let path = "/v1/webhooks/events/\(PercentEncoding.encode(eventId))/redeliver"
        _ = try await send(APIRequest(method: .post, path: path, repeatability: .never))
    }

    // MARK: Organizations

    /// Every organization the token can see (id, name, slug), with those that could not be
    /// read, within ``PagingLimits/organizations``.
    public func organizations() async throws(PolarError) -> CollectedList<Organization> {
        let pageSize = 100
        let list = PagedList.organizations(pagingCeilings.organizations, pageSize: pageSize)
        let pages = Paging.pages(of: list, concurrency: pageConcurrency, redact: redact) {
            [self] page async throws(PolarError) in
            let query = [("page", String(page)), ("limit", String(pageSize))]
            return try await decodeList(
                Organization.self,
                from: send(
                    APIRequest(method: .get, path: "/v1/organizations/", query: query, repeatability: .idempotent)),
                what: "the organization list")
        }
        return try await Paging.collect(pages)
    }

    // MARK: Plumbing

    private static func endpointPath(_ id: String) -> String {
        "/v1/webhooks/endpoints/\(PercentEncoding.encode(id))"
    }

    /// Sends a request, retrying per the policy and the request's repeatability; returns the
    /// first 2xx answer and throws the mapped error, without the token, otherwise.
    private func send(_ request: APIRequest) async throws(PolarError) -> APIResponse {
        do {
            return try await sendAttempts(request)
        } catch {
            throw redact(error)
        }
    }

    private func sendAttempts(_ request: APIRequest) async throws(PolarError) -> APIResponse {
        let policy = configuration.retryPolicy
        var attempt = 0
        var mayHaveBeenApplied = false
        while true {
            attempt += 1
            let error: PolarError
            do {
                let response = try await transport.perform(request)
                if (200..<300).contains(response.status) { return response }
                error = ErrorMapping.error(
                    status: response.status, retryAfter: response.headers["retry-after"],
                    contentType: response.headers["content-type"], body: response.body, redactor: redactor)
            } catch let failure {
                error = failure
            }
            if request.repeatability == .deleteLike, mayHaveBeenApplied, case .notFound = error {
                return APIResponse(status: 204, headers: [:], body: Data())
            }
            if error == .cancelled { throw .cancelled }
            mayHaveBeenApplied = mayHaveBeenApplied || error.mayHaveBeenApplied
            let decision = policy.decision(
                after: error, attempt: attempt, repeatability: request.repeatability, unitRandom: unitRandom())
            switch decision {
            case .fail:
                throw error
            case .retry(let wait):
                do {
                    try await sleep(wait)
                } catch {
                    throw .cancelled
                }
                if Task.isCancelled { throw .cancelled }
            }
        }
    }

    /// The error without any form of the token: the one door every thrown error passes.
    private var redact: @Sendable (PolarError) -> PolarError {
        { [redactor] error in error.redacting(redactor) }
    }

    private func encode(_ body: some Encodable) throws(PolarError) -> Data {
        do {
            return Data(try PolarCoding.requestEncoder.encode(body))
        } catch {
            // EncodingError quotes the value; the request body may hold a secret.
            throw redact(.undecodableBody("could not encode the request body"))
        }
    }

    /// A single object; one that cannot be read is an error in words (where and what, never
    /// the values).
    private func decode<T: Decodable>(_ type: T.Type, from response: APIResponse, what: String) throws(PolarError) -> T
    {
        do {
            return try PolarCoding.decoder.decode(T.self, from: Array(response.body))
        } catch {
            throw redact(.undecodableBody("\(what): \(DecodingProblem.describe(error))"))
        }
    }

    /// A list page, item by item: unreadable items are described beside the others. Only a
    /// page whose shape is wrong (no `items` list, no `pagination`) is an error.
    private func decodeList<Item: Codable & Sendable>(
        _ type: Item.Type, from response: APIResponse, what: String
    ) throws(PolarError) -> ListResource<Item> {
        var page = try decode(ListResource<Item>.self, from: response, what: what)
        for index in page.unreadable.indices {
            page.unreadable[index].id = page.unreadable[index].id.map(redactor.clean)
        }
        return page
    }
}

import Foundation
import PolarAPI

/// Where `health` gets its data: the endpoint list, and one request per endpoint for its
/// newest deliveries (the deliveries API does not say which endpoint a delivery went to). No
/// more than ``concurrency`` requests are in flight at once.
struct HealthSource: Sendable {
    static let concurrency = 4
    /// The most endpoint pages read (10,000 endpoints): a server that claims more is not believed.
    static let maxEndpointPages = 100

    let client: PolarClient
    /// `--org`: only endpoints of these organizations (empty: all the token sees).
    let organizationIDs: [String]
    /// `--endpoint`: only these endpoints, in this order (empty: every endpoint listed).
    let endpointIDs: [String]

    /// The endpoints to report on, and how many requests finding them took.
    struct Listing {
        /// Nil when the list needs more requests than were allowed: a partial list would look
        /// as if the endpoints left out had been deleted.
        var endpoints: [WebhookEndpoint]?
        var requests: Int
    }

    /// The endpoints to report on, in list order (or in the order `--endpoint` named them),
    /// spending at most `maxRequests` on the list's pages after the first.
    ///
    /// With `requireEveryID`, an `--endpoint` ID the list lacks is looked up on its own, and one
    /// that does not exist (or belongs to another organization than `--org`) ends the command
    /// with status 4. Without it (later rounds of `--watch`), such an endpoint is left out: it
    /// was deleted while being watched.
    func endpoints(maxRequests: Int = .max, requireEveryID: Bool) async throws -> Listing {
        let first = try await client.listEndpoints(organizationIds: organizationIDs, page: 1, limit: 100)
        var requests = 1
        let lastPage = min(first.pagination.maxPage, Self.maxEndpointPages)
        var listed = first.items
        if lastPage >= 2 {
            guard lastPage <= maxRequests else { return Listing(endpoints: nil, requests: requests) }
            let pages = await BoundedConcurrency.map(Array(2...lastPage), width: Self.concurrency) {
                [client, organizationIDs] page in
                await Self.result { () async throws(PolarError) in
                    try await client.listEndpoints(organizationIds: organizationIDs, page: page, limit: 100)
                }
            }
            requests += pages.count
            for page in pages { listed += try page.get().items }
        }
        var seen: Set<String> = []
        // Endpoints created while the pages were read shift the pages: one may show twice.
        listed = listed.filter { seen.insert($0.id).inserted }
        guard !endpointIDs.isEmpty else { return Listing(endpoints: listed, requests: requests) }

        let byID = Dictionary(listed.map { ($0.id, $0) }) { first, _ in first }
        let missing = endpointIDs.filter { byID[$0] == nil }
        var found: [String: WebhookEndpoint] = [:]
        if requireEveryID, !missing.isEmpty {
            let lookups = await BoundedConcurrency.map(missing, width: Self.concurrency) { [client] id in
                await Self.result { () async throws(PolarError) in try await client.endpoint(id: id) }
            }
            requests += lookups.count
            for (id, lookup) in zip(missing, lookups) {
                found[id] = try endpoint(id, from: lookup)
            }
        }
        let selected = endpointIDs.compactMap { byID[$0] ?? found[$0] }
        return Listing(endpoints: selected, requests: requests)
    }

    /// Each endpoint's history brought up to date (one request each), in the order of `ids`.
    func histories(_ ids: [String], from current: [String: DeliveryHistory]) async -> [(
        id: String, history: Result<DeliveryHistory, PolarError>
    )] {
        let results = await BoundedConcurrency.map(ids, width: Self.concurrency) { [client] id in
            await Self.result { () async throws(PolarError) in
                try await client.refreshedHistory(current[id] ?? DeliveryHistory(), endpointID: id)
            }
        }
        return Array(zip(ids, results)).map { (id: $0.0, history: $0.1) }
    }

    /// An endpoint asked for by ID that the list did not show: it must exist, and belong to
    /// `--org` when that was given.
    private func endpoint(_ id: String, from lookup: Result<WebhookEndpoint, PolarError>) throws -> WebhookEndpoint {
        switch lookup {
        case .success(let endpoint):
            if !organizationIDs.isEmpty, !organizationIDs.contains(endpoint.organizationId) {
                throw CLIError(
                    "endpoint \(id) belongs to organization \(endpoint.organizationId), not to "
                        + organizationIDs.joined(separator: ", "),
                    exitStatus: ExitStatus.notFound)
            }
            return endpoint
        case .failure(.notFound), .failure(.routeNotFound):
            throw CLIError(
                "there is no webhook endpoint \(id) in the organizations this token can see",
                exitStatus: ExitStatus.notFound)
        case .failure(let error):
            throw error
        }
    }

    private static func result<Value>(_ body: () async throws(PolarError) -> Value) async -> Result<
        Value, PolarError
    > {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}

import FoundationEssentials
import PolarAPI
import Synchronization

/// Where `health` gets its data: the endpoint list, and one request per endpoint for its
/// newest deliveries (the deliveries API does not say which endpoint a delivery went to). No
/// more than ``concurrency`` requests are in flight at once.
struct HealthSource: Sendable {
    static let concurrency = 4
    static let endpointPageSize = 100

    let client: PolarClient
    /// `--org`: only endpoints of these organizations (empty: all the token sees).
    let organizationIDs: [String]
    /// `--endpoint`: only these endpoints, in this order (empty: every endpoint listed).
    let endpointIDs: [String]

    /// The endpoints to report on, and what finding them took.
    struct Listing {
        /// Nil when the list needs more requests than were allowed: a partial list would look
        /// as if the endpoints left out had been deleted.
        var endpoints: [WebhookEndpoint]?
        /// Endpoints of the list that could not be read (left out of ``endpoints``).
        var unreadable: [UnreadableItem] = []
        var requests: Int
    }

    /// The endpoints to report on, in list order (or in the order `--endpoint` named them),
    /// spending at most `maxRequests` on the list (its first page is always read).
    ///
    /// With `requireEveryID`, an `--endpoint` ID the list lacks is looked up on its own, and one
    /// that does not exist (or belongs to another organization than `--org`) ends the command
    /// with status 4. Without it (later rounds of `--watch`), such an endpoint is left out: it
    /// was deleted while being watched.
    func endpoints(maxRequests: Int = .max, requireEveryID: Bool) async throws -> Listing {
        var listing = try await list(maxRequests: maxRequests)
        guard var listed = listing.endpoints else { return listing }
        var seen: Set<String> = []
        // Endpoints created while the pages were read shift the pages: one may show twice.
        listed = listed.filter { seen.insert($0.id).inserted }
        listing.endpoints = listed
        guard !endpointIDs.isEmpty else { return listing }

        let byID = Dictionary(listed.map { ($0.id, $0) }) { first, _ in first }
        let missing = endpointIDs.filter { byID[$0] == nil }
        var found: [String: WebhookEndpoint] = [:]
        if requireEveryID, !missing.isEmpty {
            let lookups = await BoundedConcurrency.map(missing, width: Self.concurrency) { [client] id in
                await Self.result { () async throws(PolarError) in try await client.endpoint(id: id) }
            }
            listing.requests += lookups.count
            for (id, lookup) in zip(missing, lookups) {
                found[id] = try endpoint(id, from: lookup)
            }
        }
        listing.endpoints = endpointIDs.compactMap { byID[$0] ?? found[$0] }
        // Only the endpoints asked for are reported, so only their unreadable copies matter;
        // one whose id could not be read might be any of them.
        listing.unreadable = listing.unreadable.filter { item in item.id.map(endpointIDs.contains) ?? true }
        return listing
    }

    /// The whole endpoint list. Page 1 alone says what the rest would cost: a list of one page
    /// (nearly every account) costs nothing more; a longer one is walked whole, page 1 again
    /// included, by the client's paging (which no server can stretch past
    /// ``PagingLimits/endpoints``), or not at all when that needs more than `maxRequests`.
    private func list(maxRequests: Int) async throws(PolarError) -> Listing {
        let first = try await client.listEndpoints(
            organizationIds: organizationIDs, page: 1, limit: Self.endpointPageSize)
        let pages = min(first.pagination.maxPage, PagingLimits.endpoints.maxPages)
        guard pages > 1 else {
            let unreadable = first.unreadable.map { item in
                var item = item
                item.page = 1
                return item
            }
            return Listing(endpoints: first.items, unreadable: unreadable, requests: 1)
        }
        guard pages < maxRequests else { return Listing(endpoints: nil, requests: 1) }
        var listing = Listing(endpoints: [], requests: 1)
        do {
            for try await page in client.endpointPages(
                organizationIds: organizationIDs, pageSize: Self.endpointPageSize)
            {
                listing.requests += 1
                listing.endpoints? += page.items
                listing.unreadable += page.unreadable
            }
        } catch let error as PolarError {
            throw error
        } catch {
            throw Task.isCancelled ? .cancelled : .network("reading the endpoint list failed: \(type(of: error))")
        }
        return listing
    }

    /// What ``histories(_:from:olderPages:)`` brought.
    struct Fetched {
        /// Each endpoint's refresh, in the order asked for.
        var results: [(id: String, refresh: Result<HistoryRefresh, PolarError>)]
        /// Requests spent on older pages, beyond the one each endpoint takes.
        var olderPagesRead: Int
    }

    /// Each endpoint's history brought up to date, in the order of `ids`: one request each,
    /// and, for a fresh history that needs them, at most `olderPages` requests for older pages
    /// among all of them.
    func histories(_ ids: [String], from current: [String: DeliveryHistory], olderPages: Int = .max) async
        -> Fetched
    {
        let allowance = Mutex(max(olderPages, 0))
        let takeOne: @Sendable () -> Bool = {
            allowance.withLock { left in
                guard left > 0 else { return false }
                left -= 1
                return true
            }
        }
        let results = await BoundedConcurrency.map(ids, width: Self.concurrency) { [client] id in
            await Self.result { () async throws(PolarError) in
                try await client.refreshedHistory(
                    current[id] ?? DeliveryHistory(), endpointID: id, mayReadOlderPage: takeOne)
            }
        }
        let left = allowance.withLock { $0 }
        return Fetched(
            results: Array(zip(ids, results)).map { (id: $0.0, refresh: $0.1) },
            olderPagesRead: max(olderPages, 0) - left)
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

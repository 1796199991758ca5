import FoundationEssentials

/// What one health fetch brought: the history brought up to date, and the deliveries of its
/// pages that could not be read (they are not in the history).
public struct HistoryRefresh: Sendable {
    public var history: DeliveryHistory
    /// Usually empty. Holds server text: sanitize before display.
    public var unreadable: [UnreadableItem]
    /// True when the history was built anew (the first fetch, or more new deliveries than a
    /// page holds), so earlier unreadable deliveries no longer matter.
    public var startedOver: Bool
    /// The requests it took.
    public var requests: Int

    public init(history: DeliveryHistory, unreadable: [UnreadableItem], startedOver: Bool, requests: Int) {
        self.history = history
        self.unreadable = unreadable
        self.startedOver = startedOver
        self.requests = requests
    }
}

extension PolarClient {
    /// How many deliveries one health request asks for: the most a page holds.
    public static let healthPageSize = 100
    /// The most pages a fresh history reads (``DeliveryHistory/capacity`` deliveries).
    public static let healthMaxPages = DeliveryHistory.capacity / healthPageSize

    /// `history` brought up to date: the first time the endpoint's newest deliveries,
    /// afterwards (one request) only those newer than the newest kept
    /// (``DeliveryHistory/newerThan`` as `start_timestamp`).
    ///
    /// A fresh history reads older pages until it can tell how many completed events failed in
    /// a row — a completed event that succeeded, ``EndpointHealth/failureThreshold`` completed
    /// events, or the end of the list — within ``healthMaxPages``. One page is not always
    /// enough: ten failed events take a hundred attempts, and events Polar skipped or redelivered
    /// take places too; with a page alone an endpoint Polar disabled would read as disabled by
    /// someone. `mayReadOlderPage` is asked before each page after the first; false stops there.
    ///
    /// When the newer deliveries fill a page, more arrived than one page holds and the ones
    /// between it and the history are unknown; counting across that gap would be wrong, so the
    /// history starts over.
    public func refreshedHistory(
        _ history: DeliveryHistory, endpointID: String, mayReadOlderPage: @Sendable () -> Bool = { true }
    ) async throws(PolarError) -> HistoryRefresh {
        if history.isLoaded, let start = history.newerThan {
            let page = try await listDeliveries(
                DeliveryFilter(endpointIds: [endpointID], start: start), page: 1, limit: Self.healthPageSize)
            // An unreadable delivery takes a place on the page like any other.
            let filled = page.items.count + page.unreadable.count >= Self.healthPageSize
            if !filled || page.pagination.maxPage <= 1 {
                var updated = history
                updated.merge(page.items)
                return HistoryRefresh(
                    history: updated, unreadable: Self.numbered(page.unreadable, page: 1), startedOver: false,
                    requests: 1)
            }
            var fresh = try await freshHistory(endpointID: endpointID, mayReadOlderPage: mayReadOlderPage)
            fresh.requests += 1
            return fresh
        }
        return try await freshHistory(endpointID: endpointID, mayReadOlderPage: mayReadOlderPage)
    }

    private func freshHistory(endpointID: String, mayReadOlderPage: @Sendable () -> Bool) async throws(PolarError)
        -> HistoryRefresh
    {
        let filter = DeliveryFilter(endpointIds: [endpointID])
        var refresh = HistoryRefresh(history: DeliveryHistory(), unreadable: [], startedOver: true, requests: 0)
        var number = 0
        var lastPage = 1
        repeat {
            number += 1
            let page = try await listDeliveries(filter, page: number, limit: Self.healthPageSize)
            refresh.requests += 1
            refresh.history.merge(page.items)
            refresh.unreadable += Self.numbered(page.unreadable, page: number)
            lastPage = min(page.pagination.maxPage, Self.healthMaxPages)
            // A page with nothing on it is the end, whatever the server claims.
            if page.items.isEmpty, page.unreadable.isEmpty { break }
        } while number < lastPage && !Self.decidesTheStreak(refresh.history) && mayReadOlderPage()
        return refresh
    }

    /// True when `history` shows how many completed events failed in a row: it holds a
    /// completed event that succeeded, or as many completed events as Polar counts.
    static func decidesTheStreak(_ history: DeliveryHistory) -> Bool {
        var completed = 0
        for event in history.events where event.succeeded != nil {
            if event.succeeded == true { return true }
            completed += 1
            if completed >= EndpointHealth.failureThreshold { return true }
        }
        return false
    }

    private static func numbered(_ unreadable: [UnreadableItem], page: Int) -> [UnreadableItem] {
        unreadable.map { item in
            var item = item
            item.page = page
            return item
        }
    }
}

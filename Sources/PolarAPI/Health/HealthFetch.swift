import Foundation

extension PolarClient {
    /// How many deliveries one health fetch asks for: the most a page holds, enough for ten
    /// events of ten attempts each.
    public static let healthPageSize = 100

    /// `history` brought up to date with one request: the first time the endpoint's newest
    /// ``healthPageSize`` deliveries, afterwards only those newer than the newest kept
    /// (``DeliveryHistory/newerThan`` as `start_timestamp`).
    ///
    /// When the newer deliveries fill the page, more arrived than one page holds and the ones
    /// between it and the history are unknown; counting across that gap would be wrong, so the
    /// history starts over from the page.
    public func refreshedHistory(_ history: DeliveryHistory, endpointID: String) async throws(PolarError)
        -> DeliveryHistory
    {
        let start = history.isLoaded ? history.newerThan : nil
        let page = try await listDeliveries(
            DeliveryFilter(endpointIds: [endpointID], start: start), page: 1, limit: Self.healthPageSize)
        let overflowed = page.items.count >= Self.healthPageSize && page.pagination.maxPage > 1
        if start == nil || overflowed { return DeliveryHistory(page.items) }
        var updated = history
        updated.merge(page.items)
        return updated
    }
}

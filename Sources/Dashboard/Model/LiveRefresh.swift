import FoundationEssentials
import PolarAPI

/// Background refresh: the endpoint list and each endpoint's delivery health, fetched again
/// every ``interval`` seconds within a request ``budget``, without the spinner and without
/// touching what the user is doing (cursor, scroll, form, filter, dialog).
struct LiveRefresh: Sendable {
    /// The server could not be reached by the last background request.
    struct Offline: Sendable, Hashable {
        var since: Date
        var retryAt: Date
        /// Failed tries in a row; the wait doubles with each, up to a minute.
        var failures: Int
        var reason: String
    }

    /// Seconds between refreshes; 0: never (`--refresh 0`).
    var interval: TimeInterval
    var budget: RefreshBudget
    /// Ring the terminal bell on a warning (`--bell`).
    var bell: Bool

    /// Each endpoint's recent deliveries and its health computed from them, by endpoint id.
    var histories: [String: DeliveryHistory] = [:]
    var health: [String: EndpointHealth] = [:]
    /// When each endpoint's deliveries were last fetched.
    var refreshedAt: [String: Date] = [:]
    /// Background requests in flight: the list, each endpoint's deliveries, the open browser.
    var listRequest: RequestID?
    /// The pages charged to the budget when the list request started.
    var listPagesCharged = 1
    var healthRequests: [RequestID: String] = [:]
    var deliveriesRequest: RequestID?
    /// When the list is next fetched.
    var nextListRefresh: Date?
    /// When the last background answer arrived (the header's "updated 14:03").
    var lastFetched: Date?
    var offline: Offline?
    /// Endpoints Polar disabled while the dashboard watched, until re-enabled or gone.
    var autoDisabled: [String] = []
    /// Endpoints re-enabled after Polar disabled them: the failed events can be sent again.
    var reenabled: Set<String> = []

    init(interval: TimeInterval, budget: Int, bell: Bool) {
        self.interval = max(0, interval)
        self.budget = RefreshBudget(perMinute: budget)
        self.bell = bell
    }

    /// Off: no background requests at all.
    static let off = LiveRefresh(interval: 0, budget: 20, bell: false)

    var isOn: Bool { interval > 0 }

    /// Whether any background request is in flight.
    var isFetching: Bool { listRequest != nil || !healthRequests.isEmpty || deliveriesRequest != nil }

    /// The requests a list of `count` endpoints takes: Polar's pages hold 100.
    static func pages(forEndpoints count: Int) -> Int { max(1, (count + 99) / 100) }

    /// Seconds until the list is fetched again after a fetch of `pages` pages: the interval,
    /// or longer when the list would otherwise take more than half the budget.
    func listInterval(pages: Int) -> TimeInterval {
        max(interval, Double(pages) * 60 / max(1, Double(budget.perMinute) / 2))
    }

    /// The wait before the next try after `failures` failed ones: 8 s, 16 s, 32 s, then a minute.
    static func retryDelay(afterFailures failures: Int) -> TimeInterval {
        // 8 · 2^(n−1) overflows nothing: the shift stops at 2^3, past the one-minute cap.
        TimeInterval(min(60, 8 << min(3, max(0, failures - 1))))
    }
}

import FoundationEssentials
import PolarAPI

/// What `health --watch` knows between rounds: the endpoints, each one's delivery history
/// and when it was fetched, and the request budget. Pure: the rounds that fill it are in
/// ``HealthWatch``.
struct HealthMonitor {
    private(set) var endpoints: [WebhookEndpoint] = []
    private(set) var histories: [String: DeliveryHistory] = [:]
    private(set) var refreshedAt: [String: Date] = [:]
    /// Endpoints the last list could not read.
    private(set) var unreadableEndpoints: [UnreadableItem] = []
    /// Deliveries left out of each endpoint's history because they could not be read, since
    /// the history last started over; each once, at most ``maxUnreadablePerEndpoint``.
    private(set) var unreadableDeliveries: [String: [UnreadableItem]] = [:]
    var budget: RefreshBudget
    /// How often each endpoint is due (`--watch SECONDS`).
    let interval: TimeInterval

    static let maxUnreadablePerEndpoint = 100

    init(budget: RefreshBudget, interval: TimeInterval) {
        self.budget = budget
        self.interval = interval
    }

    /// A new endpoint list; histories of endpoints no longer listed are dropped.
    mutating func replaceEndpoints(_ endpoints: [WebhookEndpoint], unreadable: [UnreadableItem] = []) {
        self.endpoints = endpoints
        unreadableEndpoints = unreadable
        let ids = Set(endpoints.map(\.id))
        histories = histories.filter { ids.contains($0.key) }
        refreshedAt = refreshedAt.filter { ids.contains($0.key) }
        unreadableDeliveries = unreadableDeliveries.filter { ids.contains($0.key) }
    }

    /// An endpoint's history fetched in the round that began at `roundStart`.
    mutating func record(_ refresh: HistoryRefresh, for id: String, roundStart: Date) {
        histories[id] = refresh.history
        refreshedAt[id] = roundStart
        // Each fetch reads again the newest second before it, so an unreadable delivery can come twice.
        var kept = refresh.startedOver ? [] : unreadableDeliveries[id] ?? []
        for item in refresh.unreadable
        where kept.count < Self.maxUnreadablePerEndpoint && !kept.contains(where: { Self.same($0, item) }) {
            kept.append(item)
        }
        unreadableDeliveries[id] = kept.isEmpty ? nil : kept
    }

    /// What could not be read, in words: the list's endpoints, then each endpoint's deliveries.
    var warnings: [String] {
        let deliveries = endpoints.compactMap { endpoint in
            unreadableDeliveries[endpoint.id].flatMap { HealthText.unreadableDeliveries($0, of: endpoint) }
        }
        return [HealthText.unreadableEndpoints(unreadableEndpoints)].compactMap { $0 } + deliveries
    }

    /// The same unreadable delivery fetched again: by its id, or by its problem when it had none.
    private static func same(_ first: UnreadableItem, _ second: UnreadableItem) -> Bool {
        if let id = first.id { return id == second.id }
        return second.id == nil && first.problem == second.problem
    }

    /// Up to `count` endpoints to fetch now: never fetched first, then failing or retrying
    /// ones, then the longest unrefreshed; one fetched less than an interval ago waits.
    func due(_ count: Int, now: Date) -> [String] {
        let candidates = endpoints.map { endpoint in
            let health = health(of: endpoint, now: now)
            return HealthSchedule.Candidate(
                endpointID: endpoint.id, refreshedAt: refreshedAt[endpoint.id],
                isUrgent: health.map { $0.state == .failing || $0.retrying > 0 } ?? false)
        }
        // A round starts an interval after the last one began, give or take the clock's jitter.
        return HealthSchedule.next(count, of: candidates, selected: nil, interval: interval * 0.9, now: now)
    }

    func health(of endpoint: WebhookEndpoint, now: Date) -> EndpointHealth? {
        histories[endpoint.id].map { EndpointHealth(endpoint: endpoint, history: $0, now: now) }
    }

    func rows(now: Date) -> [HealthText.Row] {
        endpoints.map { HealthText.Row(endpoint: $0, health: health(of: $0, now: now)) }
    }
}

import FoundationEssentials
import PolarAPI
import TerminalText
import TerminalUI

// Background refresh: what is due starts on a tick, answers merge without moving anything
// the user looks at, and changes worth knowing are said in the status line.

/// Starts the background requests that are due at `state.now`, within the budget.
func refreshIfDue(_ state: inout DashboardState) -> [Effect] {
    guard state.live.isOn, state.hasLoaded, state.loadRequest == nil else { return [] }
    if case .firstRun = state.screen { return [] }
    let now = state.now
    if let offline = state.live.offline, now < offline.retryAt { return [] }
    var effects: [Effect] = []
    var available = state.live.budget.available(at: now)
    func spend() -> RequestID {
        available -= 1
        state.live.budget.spend(at: now)
        return state.makeBackgroundRequest()
    }
    // The list comes in pages of 100, each a request: all of them are charged before it starts,
    // and a long list is fetched less often, so that it takes at most half the budget and health
    // keeps the other half (500 endpoints every 15 s would be 20 requests a minute on its own).
    let listPages = LiveRefresh.pages(forEndpoints: state.endpoints.count)
    if state.live.listRequest == nil, available >= min(listPages, state.live.budget.perMinute),
        (state.live.nextListRefresh ?? .distantPast) <= now
    {
        for _ in 1..<listPages { _ = spend() }
        let id = spend()
        state.live.listRequest = id
        state.live.listPagesCharged = listPages
        state.live.nextListRefresh = now + state.live.listInterval(pages: listPages)
        effects.append(.refreshEndpoints(id))
    }
    // Offline, the list alone asks whether the server is back.
    guard state.live.offline == nil else { return effects }
    if let browser = state.deliveries, browser.hasLoaded, browser.loadRequest == nil,
        state.live.deliveriesRequest == nil, available > 0,
        (browser.refreshedAt.map { $0 + state.live.interval } ?? .distantPast) <= now
    {
        let id = spend()
        state.live.deliveriesRequest = id
        state.deliveries?.refreshedAt = now
        effects.append(.refreshDeliveries(id, browser.filter))
    }
    let inFlight = Set(state.live.healthRequests.values)
    let candidates = state.endpoints.filter { !inFlight.contains($0.id) }.map { endpoint in
        let health = state.live.health[endpoint.id]
        return HealthSchedule.Candidate(
            endpointID: endpoint.id, refreshedAt: state.live.refreshedAt[endpoint.id],
            isUrgent: health.map { $0.state == .failing || $0.retrying > 0 } ?? false)
    }
    let order = HealthSchedule.next(
        available, of: candidates, selected: state.selectedEndpoint?.id, interval: state.live.interval, now: now)
    for (index, endpointID) in order.enumerated() {
        let id = spend()
        state.live.healthRequests[id] = endpointID
        // Older pages come out of what this tick leaves unspent; they are charged on the answer.
        let unplanned = max(0, available - (order.count - index - 1))
        effects.append(
            .loadHealth(
                id, endpointID: endpointID, history: state.live.histories[endpointID] ?? DeliveryHistory(),
                olderPages: min(PolarClient.healthMaxPages - 1, unplanned)))
    }
    return effects
}

/// When background refresh next has something to do (nil: nothing until a key).
func nextRefreshDeadline(_ state: DashboardState) -> Date? {
    guard state.live.isOn, state.hasLoaded else { return nil }
    if case .firstRun = state.screen { return nil }
    let now = state.now
    // A request in flight answers through the wake pipe; a floor keeps a stuck clock from spinning.
    let floor = now + 0.5
    if let offline = state.live.offline {
        // "retrying in 8 s" counts down once a second while offline, and only then.
        return max(floor, min(offline.retryAt, now + 1))
    }
    var due: [Date] = []
    if state.live.listRequest == nil { due.append(state.live.nextListRefresh ?? now) }
    if let browser = state.deliveries, state.live.deliveriesRequest == nil, browser.hasLoaded {
        due.append(browser.refreshedAt.map { $0 + state.live.interval } ?? now)
    }
    let inFlight = Set(state.live.healthRequests.values)
    for endpoint in state.endpoints where !inFlight.contains(endpoint.id) {
        due.append(state.live.refreshedAt[endpoint.id].map { $0 + state.live.interval } ?? now)
    }
    guard let earliest = due.min() else { return nil }
    return max(floor, earliest, state.live.budget.nextAvailable(after: now))
}

/// Applies a background answer; false when `action` is not one.
func handleRefreshResult(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .endpointsRefreshed(let id, let endpoints):
        guard id == state.live.listRequest else { return [] }
        state.live.listRequest = nil
        cameOnline(&state)
        // Pages beyond those charged when it started (the list grew meanwhile) are charged now.
        let pages = LiveRefresh.pages(forEndpoints: endpoints.count)
        for _ in 0..<max(0, pages - state.live.listPagesCharged) { state.live.budget.spend(at: state.now) }
        // A reload the user asked for is on its way and wins.
        guard state.loadRequest == nil else { return [] }
        return replaceKeepingView(&state, with: endpoints)
    case .healthLoaded(let id, let endpointID, let refresh):
        guard state.live.healthRequests.removeValue(forKey: id) != nil else { return [] }
        cameOnline(&state)
        for _ in 1..<max(1, refresh.requests) { state.live.budget.spend(at: state.now) }
        state.live.histories[endpointID] = refresh.history
        state.live.refreshedAt[endpointID] = state.now
        guard let endpoint = state.endpoints.first(where: { $0.id == endpointID }) else { return [] }
        return updateHealth(&state, of: [endpoint])
    case .deliveriesRefreshed(let id, let items, let pagination):
        guard id == state.live.deliveriesRequest else { return [] }
        state.live.deliveriesRequest = nil
        cameOnline(&state)
        guard var browser = state.deliveries, browser.loadRequest == nil else { return [] }
        browser.addNew(items, totalCount: pagination.totalCount, visibleRows: Layout(size: state.size).deliveryRows)
        state.deliveries = browser
        return []
    default:
        return []
    }
}

/// A background request failed; true when `id` was one.
func backgroundRequestFailed(_ state: inout DashboardState, _ id: RequestID, _ error: PolarError) -> Bool {
    if id == state.live.listRequest {
        state.live.listRequest = nil
    } else if id == state.live.deliveriesRequest {
        state.live.deliveriesRequest = nil
    } else if let endpointID = state.live.healthRequests.removeValue(forKey: id) {
        // An endpoint deleted elsewhere: the next list refresh drops it.
        if case .notFound = error { state.live.refreshedAt[endpointID] = state.now }
    } else {
        return false
    }
    switch error {
    case .cancelled, .notFound:
        break
    case .rateLimited(let retryAfter):
        state.live.budget.rateLimited(retryAfter: retryAfter, at: state.now)
    default:
        let failures = (state.live.offline?.failures ?? 0) + 1
        state.live.offline = LiveRefresh.Offline(
            since: state.live.offline?.since ?? state.now,
            retryAt: state.now + LiveRefresh.retryDelay(afterFailures: failures), failures: failures,
            reason: error.description)
        // The list is the probe that brings the dashboard back online.
        state.live.nextListRefresh = state.live.offline?.retryAt
    }
    return true
}

private func cameOnline(_ state: inout DashboardState) {
    state.live.offline = nil
    state.live.lastFetched = state.now
    state.live.budget.recover(at: state.now)
}

/// The refreshed list in place of the old one, the same endpoint under the cursor on the
/// same screen row.
private func replaceKeepingView(_ state: inout DashboardState, with endpoints: [WebhookEndpoint]) -> [Effect] {
    let before = Dictionary(state.endpoints.map { ($0.id, $0) }) { first, _ in first }
    let rows = Layout(size: state.size).listRows
    let screenRow = state.list.selected - state.list.visibleRange(rows: rows).lowerBound
    let selectedID = state.selectedEndpoint?.id
    state.changeEndpoints { $0 = endpoints }
    state.totalCount = endpoints.count
    if let selectedID, let position = state.visible.firstIndex(where: { state.endpoints[$0].id == selectedID }) {
        state.list.select(position, atScreenRow: screenRow, visibleRows: rows)
    }
    let ids = Set(endpoints.map(\.id))
    for gone in before.keys where !ids.contains(gone) {
        state.live.histories[gone] = nil
        state.live.health[gone] = nil
        state.live.refreshedAt[gone] = nil
    }
    state.live.autoDisabled.removeAll { !ids.contains($0) }
    if let form = state.form, case .edit(let endpoint) = form.mode, !ids.contains(endpoint.id) {
        state.form?.endpointGone = true
    }
    // Enabled or disabled elsewhere changes health; so does time passing (24 h, idle).
    return updateHealth(&state, of: endpoints.filter { state.live.histories[$0.id] != nil })
}

/// Recomputes the health of `endpoints` and says what changed for the worse.
private func updateHealth(_ state: inout DashboardState, of endpoints: [WebhookEndpoint]) -> [Effect] {
    var warned = false
    for endpoint in endpoints {
        guard let history = state.live.histories[endpoint.id], history.isLoaded else { continue }
        let old = state.live.health[endpoint.id]
        let new = EndpointHealth(endpoint: endpoint, history: history, now: state.now)
        state.live.health[endpoint.id] = new
        if new.state == .autoDisabled {
            if !state.live.autoDisabled.contains(endpoint.id) { state.live.autoDisabled.append(endpoint.id) }
        } else {
            state.live.autoDisabled.removeAll { $0 == endpoint.id }
        }
        // The first reading is the starting point, not news.
        guard let old, let warning = HealthWarning(from: old, to: new, name: endpoint.displayName) else { continue }
        state.status = warning.isSevere ? .sticky(warning.text) : .warning(warning.text, now: state.now)
        warned = true
    }
    return warned && state.live.bell ? [.bell] : []
}

/// A change of health worth interrupting for: an endpoint starts failing, reaches half of
/// Polar's threshold, or is disabled by Polar.
struct HealthWarning: Hashable {
    var text: String
    var isSevere: Bool

    init?(from old: EndpointHealth, to new: EndpointHealth, name: String) {
        let threshold = EndpointHealth.failureThreshold
        let answer = new.lastFailure.map(Self.answer).map { " — last answer \($0)" } ?? ""
        if new.state == .autoDisabled, old.state != .autoDisabled {
            text = "\(name) was disabled by Polar after \(threshold) failed events in a row\(answer). t re-enables it."
            isSevere = true
        } else if new.state == .failing, old.consecutiveFailures < threshold / 2,
            new.consecutiveFailures >= threshold / 2
        {
            text = "\(name): \(new.consecutiveFailures) of \(threshold) failed events before Polar disables it\(answer)"
            isSevere = true
        } else if new.state == .failing, old.state == .ok || old.state == .idle {
            text = "\(name) started failing\(answer)"
            isSevere = false
        } else {
            return nil
        }
    }

    /// `502`, or the first words of a network error when there was no HTTP answer.
    static func answer(_ attempt: EndpointHealth.AttemptSummary) -> String {
        if let code = attempt.httpCode { return String(code) }
        return attempt.firstLine.map { "“\(DisplayWidth.truncate($0, to: 40))”" } ?? "none (no connection)"
    }
}

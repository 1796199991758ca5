import Foundation
import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

/// Background refresh: what it asks for, within the budget, and what it never disturbs.
@Suite struct LiveRefreshTests {
    /// A loaded dashboard that watches, with `endpoints`.
    static func watching(
        _ endpoints: [WebhookEndpoint] = Fixtures.endpoints, interval: TimeInterval = 15, budget: Int = 20,
        bell: Bool = false
    ) -> DashboardState {
        var state = Fixtures.state(endpoints: endpoints)
        state.live = LiveRefresh(interval: interval, budget: budget, bell: bell)
        state.live.nextListRefresh = state.now + interval
        return state
    }

    /// Moves the clock on and returns the background effects that came due.
    @discardableResult
    static func tick(_ state: inout DashboardState, by seconds: TimeInterval) -> [Effect] {
        update(&state, .tick(state.now + seconds))
    }

    /// The answer to a health request: the endpoint's history with `deliveries` merged in, in
    /// one request, as `PolarClient.refreshedHistory` brings it.
    static func healthAnswer(
        _ state: DashboardState, _ id: RequestID, endpointID: String, _ deliveries: [WebhookDelivery]
    ) -> Action {
        var history = state.live.histories[endpointID] ?? DeliveryHistory()
        history.merge(deliveries)
        return .healthLoaded(
            id, endpointID: endpointID,
            HistoryRefresh(history: history, unreadable: [], startedOver: false, requests: 1))
    }

    /// Answers every health request in `effects` with `deliveries(endpointID)`.
    static func answerHealth(
        _ state: inout DashboardState, _ effects: [Effect], with deliveries: (String) -> [WebhookDelivery] = { _ in [] }
    ) {
        for case .loadHealth(let id, let endpointID, _, _) in effects {
            _ = update(&state, healthAnswer(state, id, endpointID: endpointID, deliveries(endpointID)))
        }
    }

    /// `count` events of `endpoint`, oldest first, each with one attempt answered `code`.
    static func deliveries(
        _ count: Int, code: Int, final: Bool = true, from start: Date, prefix: String = "e"
    ) -> [WebhookDelivery] {
        (0..<count).map { index in
            let at = start.addingTimeInterval(Double(index) * 60)
            let succeeded = (200..<300).contains(code)
            return WebhookDelivery(
                createdAt: at, modifiedAt: nil, id: "\(prefix)-delivery-\(index)", succeeded: succeeded, httpCode: code,
                response: succeeded ? "ok" : "Bad Gateway",
                webhookEvent: WebhookEvent(
                    createdAt: at, modifiedAt: nil, id: "\(prefix)-event-\(index)", lastHttpCode: code,
                    succeeded: final ? succeeded : nil, skipped: false, apiVersion: .v2026_04, payload: "{}",
                    type: "order.paid", isArchived: false))
        }
    }

    @Test func offByDefaultAndWithRefreshZero() {
        var state = Fixtures.state()
        #expect(Self.tick(&state, by: 60).isEmpty)
        state.live = LiveRefresh(interval: 0, budget: 20, bell: false)
        #expect(Self.tick(&state, by: 60).isEmpty)
        #expect(nextDeadline(state) == nil)
    }

    @Test func theFirstTickReadsEveryEndpointsHealthAndNoSpinnerTurns() {
        var state = Self.watching()
        let effects = Self.tick(&state, by: 0.1)
        let endpoints = effects.compactMap { effect -> String? in
            if case .loadHealth(_, let id, let history, _) = effect, !history.isLoaded { return id }
            return nil
        }
        #expect(Set(endpoints) == Set(Fixtures.endpoints.map(\.id)))
        #expect(!state.isBusy)
        #expect(state.requests.isEmpty)
    }

    @Test func healthShowsInTheListAndTheDetail() {
        var state = Self.watching()
        let effects = Self.tick(&state, by: 0.1)
        let start = state.now - 600
        Self.answerHealth(&state, effects) { id in
            id == Fixtures.production.id
                ? Self.deliveries(3, code: 502, from: start) : Self.deliveries(2, code: 200, from: start)
        }
        let screen = render(state).text
        #expect(screen.contains("failing 3/10"))
        #expect(screen.contains("✗✗✗"))
        #expect(screen.contains("Health   failing 3/10"))
        #expect(screen.contains("HTTP 502"))
        #expect(screen.contains("updated 12:00"))
    }

    /// 500 endpoints and a budget of 20: the list takes 5 requests (pages of 100), which every
    /// 2 s would be far over the budget; it is fetched less often, no minute goes over the budget,
    /// and health keeps its share.
    @Test func neverMoreRequestsThanTheBudgetInAMinute() {
        var state = Self.watching(Fixtures.many(500), interval: 2, budget: 20)
        var spent: [(at: Date, requests: Int, isHealth: Bool)] = []
        for _ in 0..<600 {
            let effects = Self.tick(&state, by: 0.5)
            for effect in effects {
                switch effect {
                case .loadHealth: spent.append((state.now, 1, true))
                case .refreshEndpoints: spent.append((state.now, 5, false))
                case .refreshDeliveries: spent.append((state.now, 1, false))
                default: break
                }
            }
            Self.answerHealth(&state, effects)
            for case .refreshEndpoints(let id) in effects {
                _ = update(&state, .endpointsRefreshed(id, Fixtures.many(500)))
            }
        }
        #expect(spent.map(\.requests).reduce(0, +) >= 90)
        #expect(spent.contains { !$0.isHealth })
        for start in spent.map(\.at) where start < state.now - 60 {
            let minute = spent.filter { $0.at >= start && $0.at < start + 60 }
            #expect(minute.map(\.requests).reduce(0, +) <= 20)
            #expect(minute.contains { $0.isHealth }, "no health request in the minute from \(start)")
        }
    }

    @Test func aRefreshMovesNothingTheUserIsDoing() {
        var state = Self.watching(Fixtures.many(60))
        state.press(.character("j"), .character("j"), .character("j"))
        state.press(.character("/"))
        state.type("bulk")
        state.press(.enter)
        let selected = state.selectedEndpoint?.id
        let rows = Layout(size: state.size).listRows
        let screenRow = state.list.selected - state.list.visibleRange(rows: rows).lowerBound
        state.press(.character("e"))
        state.press(.tab)
        state.type("typed while watching")
        let typed = state.form?.name.text
        // A new endpoint appears at the top, and one disappears.
        var newer = Fixtures.production
        newer.id = "we_new"
        newer.name = "Bulk newcomer"
        let refreshed = [newer] + Fixtures.many(60).filter { $0.id != "we_bulk50" }
        for case .refreshEndpoints(let id) in Self.tick(&state, by: 16) {
            _ = update(&state, .endpointsRefreshed(id, refreshed))
        }
        #expect(state.form?.name.text == typed)
        #expect(state.filter.text == "bulk")
        #expect(state.selectedEndpoint?.id == selected)
        #expect(state.list.selected - state.list.visibleRange(rows: rows).lowerBound == screenRow)
        #expect(state.endpoints.count == 60)
    }

    @Test func anEndpointDeletedElsewhereKeepsItsFormAndSaysSoOnSave() {
        var state = Self.watching()
        state.press(.character("e"))
        state.press(.tab)
        state.type(" renamed")
        for case .refreshEndpoints(let id) in Self.tick(&state, by: 16) {
            _ = update(&state, .endpointsRefreshed(id, Array(Fixtures.endpoints.dropFirst())))
        }
        #expect(state.form?.endpointGone == true)
        #expect(render(state).text.contains("deleted on the server"))
        for case .updateEndpoint(let id, _, _) in state.press(.control("s")) {
            _ = update(&state, .failed(id, .notFound(detail: "Not found")))
        }
        #expect(state.form?.name.text.hasSuffix(" renamed") == true)
        #expect(state.status?.line.text.contains("deleted on the server") == true)
    }

    @Test func aDialogStaysOpenThroughARefresh() {
        var state = Self.watching()
        state.press(.character("d"))
        for case .refreshEndpoints(let id) in Self.tick(&state, by: 16) {
            _ = update(&state, .endpointsRefreshed(id, Fixtures.endpoints))
        }
        #expect(state.confirmation != nil)
    }

    @Test func warningsWhenAnEndpointStartsFailingAndNearsTheThreshold() {
        var state = Self.watching(bell: true)
        let start = state.now - 3600
        var effects = Self.tick(&state, by: 0.1)
        Self.answerHealth(&state, effects) { _ in Self.deliveries(2, code: 200, from: start) }
        #expect(state.status == nil)
        // Three failed events: it started failing.
        effects = Self.tick(&state, by: 16)
        Self.answerHealth(&state, effects) { id in
            id == Fixtures.production.id ? Self.deliveries(3, code: 502, from: start + 600, prefix: "f") : []
        }
        #expect(state.status?.line.text == "Production hook started failing — last answer 502")
        // Two more: half of Polar's threshold.
        effects = Self.tick(&state, by: 16)
        Self.answerHealth(&state, effects) { id in
            id == Fixtures.production.id ? Self.deliveries(5, code: 502, from: start + 600, prefix: "f") : []
        }
        #expect(
            state.status?.line.text
                == "Production hook: 5 of 10 failed events before Polar disables it — last answer 502")
    }

    @Test func theBellRingsOnceForAWarning() {
        var state = Self.watching(bell: true)
        let start = state.now - 3600
        Self.answerHealth(&state, Self.tick(&state, by: 0.1)) { _ in Self.deliveries(1, code: 200, from: start) }
        var bells = 0
        for case .loadHealth(let id, let endpointID, _, _) in Self.tick(&state, by: 16) {
            let deliveries =
                endpointID == Fixtures.production.id ? Self.deliveries(1, code: 500, from: start + 60, prefix: "x") : []
            bells +=
                update(&state, Self.healthAnswer(state, id, endpointID: endpointID, deliveries)).filter { $0 == .bell }
                .count
        }
        #expect(bells == 1)
    }

    @Test func anEndpointPolarDisabledGetsAStickyNoticeUntilReEnabled() {
        var state = Self.watching()
        let start = state.now - 7200
        Self.answerHealth(&state, Self.tick(&state, by: 0.1)) { _ in Self.deliveries(1, code: 200, from: start) }
        // Ten failed events, and Polar turns the endpoint off.
        var disabled = Fixtures.production
        disabled.enabled = false
        let failures = Self.deliveries(10, code: 502, from: start + 600, prefix: "z")
        var effects = Self.tick(&state, by: 16)
        for case .refreshEndpoints(let id) in effects {
            _ = update(&state, .endpointsRefreshed(id, [disabled] + Fixtures.endpoints.dropFirst()))
        }
        Self.answerHealth(&state, effects) { $0 == disabled.id ? failures : [] }
        #expect(state.live.health[disabled.id]?.state == .autoDisabled)
        #expect(state.status?.line.text.contains("was disabled by Polar after 10 failed events") == true)
        // A key clears the status line, not the notice.
        state.press(.character("j"), .character("k"))
        #expect(render(state).text.contains("Polar disabled Production hook after 10 failed events"))
        // t re-enables it, and the answer suggests redelivering what failed meanwhile.
        effects = state.press(.character("t"), .character("y"))
        for case .updateEndpoint(let id, _, _) in effects {
            var enabled = disabled
            enabled.enabled = true
            _ = update(&state, .updated(id, enabled))
        }
        #expect(state.live.autoDisabled.isEmpty)
        #expect(state.status?.line.text.contains("B redelivers them") == true)
    }

    @Test func offlineSaysSoRetriesLaterAndComesBack() {
        var state = Self.watching()
        let effects = Self.tick(&state, by: 16)
        for case .refreshEndpoints(let id) in effects {
            _ = update(&state, .failed(id, .network("connection refused")))
        }
        #expect(render(state).text.contains("offline · retrying in 8 s"))
        #expect(Self.tick(&state, by: 3).isEmpty)
        #expect(render(state).text.contains("offline · retrying in 5 s"))
        let retry = Self.tick(&state, by: 5)
        #expect(retry.contains { if case .refreshEndpoints = $0 { true } else { false } })
        // Still down: the wait doubles.
        for case .refreshEndpoints(let id) in retry { _ = update(&state, .failed(id, .timeout)) }
        #expect(render(state).text.contains("offline · retrying in 16 s"))
        for case .refreshEndpoints(let id) in Self.tick(&state, by: 16) {
            _ = update(&state, .endpointsRefreshed(id, Fixtures.endpoints))
        }
        #expect(state.live.offline == nil)
        #expect(!render(state).text.contains("offline"))
    }

    /// A first read may go back a few pages (ten failed events take a hundred attempts), out
    /// of what the tick leaves unspent, and the pages it took are charged when it answers.
    @Test func aFirstHealthReadMayTakeOlderPagesWithinTheBudget() {
        var state = Self.watching(budget: 20)
        let effects = Self.tick(&state, by: 0.1)
        let reads = effects.compactMap { effect -> (RequestID, String, Int)? in
            if case .loadHealth(let id, let endpointID, let history, let olderPages) = effect, !history.isLoaded {
                return (id, endpointID, olderPages)
            }
            return nil
        }
        #expect(reads.count == Fixtures.endpoints.count)
        let planned = effects.count
        #expect(reads.allSatisfy { $0.2 <= PolarClient.healthMaxPages - 1 })
        #expect(reads.allSatisfy { $0.2 <= 20 - planned })
        let before = state.live.budget.available(at: state.now)
        guard let (id, endpointID, _) = reads.first else { return }
        _ = update(
            &state,
            .healthLoaded(
                id, endpointID: endpointID,
                HistoryRefresh(history: DeliveryHistory(), unreadable: [], startedOver: true, requests: 3)))
        #expect(state.live.budget.available(at: state.now) == before - 2)
    }

    /// A list of 250 endpoints comes in three pages: three requests off the budget, not one.
    @Test func aListRefreshIsChargedForEveryPageBeforeItStarts() {
        var state = Self.watching(Fixtures.many(250), interval: 15, budget: 2000)
        Self.answerHealth(&state, Self.tick(&state, by: 0.1))
        let before = state.live.budget.available(at: state.now + 16)
        let effects = Self.tick(&state, by: 16)
        guard
            case .refreshEndpoints(let id)? = effects.first(where: {
                if case .refreshEndpoints = $0 { return true } else { return false }
            })
        else {
            Issue.record("expected a list refresh")
            return
        }
        let health = effects.filter { if case .loadHealth = $0 { return true } else { return false } }.count
        // Three pages of 100, charged at the start; the answer adds nothing when the list kept its size.
        #expect(state.live.budget.available(at: state.now) == before - 3 - health)
        _ = update(&state, .endpointsRefreshed(id, Fixtures.many(250)))
        #expect(state.live.budget.available(at: state.now) == before - 3 - health)
        // A list that grew meanwhile is charged for its new page on the answer.
        let again = Self.tick(&state, by: 16).compactMap { effect -> RequestID? in
            if case .refreshEndpoints(let id) = effect { id } else { nil }
        }
        #expect(again.count == 1)
        for id in again {
            let charged = state.live.budget.available(at: state.now)
            _ = update(&state, .endpointsRefreshed(id, Fixtures.many(301)))
            #expect(state.live.budget.available(at: state.now) == charged - 1)
        }
    }

    @Test func aRateLimitHalvesTheBudget() {
        var state = Self.watching()
        for case .loadHealth(let id, _, _, _) in Self.tick(&state, by: 0.1) {
            _ = update(&state, .failed(id, .rateLimited(retryAfter: 30)))
        }
        #expect(state.live.budget.perMinute <= 10)
        #expect(Self.tick(&state, by: 20).isEmpty)
    }

    @Test func newDeliveriesAppearAtTheTopMarkedNewAndTheCursorStaysOnItsDelivery() {
        var state = DeliveryFixtures.browsing(width: 120, height: 40)
        state.live = LiveRefresh(interval: 15, budget: 20, bell: false)
        state.live.nextListRefresh = state.now + 60
        state.press(.character("j"))
        let cursor = state.deliveries?.selected?.id
        let fresh = Self.deliveries(2, code: 200, from: state.now, prefix: "n")
        for case .refreshDeliveries(let id, _) in Self.tick(&state, by: 16) {
            _ = update(
                &state,
                .deliveriesRefreshed(
                    id, fresh + DeliveryFixtures.all, pagination: Pagination(totalCount: 6, maxPage: 1)))
        }
        #expect(state.deliveries?.selected?.id == cursor)
        #expect(state.deliveries?.deliveries.first?.id == "n-delivery-1")
        #expect(state.deliveries?.newIDs == ["n-delivery-0", "n-delivery-1"])
        state.press(.character("g"))
        #expect(state.deliveries?.newIDs == ["n-delivery-0"])
    }

    @Test func nothingNewMeansNothingToDrawBetweenRefreshes() {
        var state = Self.watching()
        Self.answerHealth(&state, Self.tick(&state, by: 0.1))
        let before = render(state)
        // An idle minute: refreshes come and answer the same; the screen stays the same.
        for _ in 0..<4 {
            let effects = Self.tick(&state, by: 15)
            Self.answerHealth(&state, effects)
            for case .refreshEndpoints(let id) in effects {
                _ = update(&state, .endpointsRefreshed(id, Fixtures.endpoints))
            }
        }
        #expect(render(state).changedRows(since: before).count <= 2)
        // And the loop sleeps until the next refresh, not a spinner's tenth of a second.
        #expect((nextDeadline(state) ?? .distantFuture) >= state.now + 0.5)
    }
}

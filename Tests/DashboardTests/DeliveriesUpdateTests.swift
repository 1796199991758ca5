import Foundation
import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct DeliveriesUpdateTests {
    /// The one load effect in `effects`, with its filter.
    func loadFilter(_ effects: [Effect]) -> DeliveryFilter? {
        let filters = effects.compactMap { effect -> DeliveryFilter? in
            if case .loadDeliveries(_, let filter, _) = effect { return filter }
            return nil
        }
        return filters.count == 1 ? filters[0] : nil
    }

    @Test func dOpensTheSelectedEndpointsDeliveriesNewestFirst() {
        var state = Fixtures.state()
        state.press(.character("j"))
        let effects = state.press(.character("D"))
        #expect(loadFilter(effects) == DeliveryFilter(endpointIds: [Fixtures.slack.id]))
        #expect(state.deliveries?.endpointName == "Slack alerts")
        #expect(state.isBusy)
        DeliveryFixtures.answer(&state, effects)
        #expect(!state.isBusy)
        #expect(
            state.deliveries?.deliveries.map(\.id) == [
                DeliveryFixtures.paid.id, DeliveryFixtures.serverError.id, DeliveryFixtures.unreachable.id,
                DeliveryFixtures.archived.id,
            ])
    }

    @Test func fCyclesTheStatusFilterOnTheServer() {
        var state = DeliveryFixtures.browsing()
        let id = Fixtures.production.id
        #expect(loadFilter(state.press(.character("f"))) == DeliveryFilter(endpointIds: [id], succeeded: true))
        #expect(loadFilter(state.press(.character("f"))) == DeliveryFilter(endpointIds: [id], succeeded: false))
        #expect(loadFilter(state.press(.character("f"))) == DeliveryFilter(endpointIds: [id]))
    }

    @Test func cCyclesTheHTTPClassAndKeepsTheStatusFilter() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("f"), .character("f"))
        var classes: [DeliveryFilter.HTTPCodeClass?] = []
        for _ in 0..<5 {
            let filter = loadFilter(state.press(.character("c")))
            #expect(filter?.succeeded == false)
            classes.append(filter?.httpCodeClass)
        }
        #expect(classes == [.success, .redirect, .clientError, .serverError, nil])
    }

    @Test func searchGoesToTheServerOnEnterAndEscClearsIt() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("/"))
        // While typing, letters are text: r does not redeliver, q does not quit.
        #expect(state.type("5rq").isEmpty)
        #expect(state.shouldQuit == false)
        state.press(.backspace, .backspace)
        let effects = state.press(.enter)
        #expect(loadFilter(effects)?.query == "5")
        DeliveryFixtures.answer(&state, effects, with: [DeliveryFixtures.serverError])
        #expect(state.deliveries?.deliveries.count == 1)
        state.press(.character("/"))
        #expect(loadFilter(state.press(.escape))?.query == nil)
    }

    @Test func aStaleLoadIsIgnored() {
        var state = Fixtures.state()
        let first = state.press(.character("D"))
        let second = state.press(.character("f"))
        DeliveryFixtures.answer(&state, first, with: [DeliveryFixtures.archived])
        #expect(state.deliveries?.hasLoaded == false)
        DeliveryFixtures.answer(&state, second, with: [DeliveryFixtures.paid])
        #expect(state.deliveries?.deliveries.map(\.id) == [DeliveryFixtures.paid.id])
        #expect(state.requests.isEmpty)
    }

    @Test func rRedeliversTheFocusedDeliverysEvent() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("j"))
        let effects = state.press(.character("r"))
        guard case .redeliver(let id, let eventID, let type) = effects.first, effects.count == 1 else {
            Issue.record("expected one redeliver effect, got \(effects)")
            return
        }
        #expect(eventID == DeliveryFixtures.serverError.webhookEvent.id)
        #expect(type == "subscription.canceled")
        _ = update(&state, .redelivered(id, eventType: type))
        #expect(state.status?.line.text == "Redelivery queued for subscription.canceled")
        #expect(state.status?.line.kind == .success)
    }

    @Test func anArchivedEventIsRefusedInWords() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("G"))
        #expect(state.press(.character("r")).isEmpty)
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.line.text.contains("archived") == true)
    }

    @Test func aFailedRedeliverySaysWhy() {
        var state = DeliveryFixtures.browsing()
        guard case .redeliver(let id, _, _) = state.press(.character("r")).first else {
            Issue.record("no redeliver effect")
            return
        }
        _ = update(&state, .failed(id, .notFound(detail: "Not found")))
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.line.text.hasPrefix("Redelivering order.paid failed") == true)
    }

    @Test func aFailedLoadIsReportedAndTheBrowserStays() {
        var state = Fixtures.state()
        let effects = state.press(.character("D"))
        guard case .loadDeliveries(let id, _, _) = effects.first else {
            Issue.record("no load effect")
            return
        }
        _ = update(&state, .failed(id, .network("timed out")))
        #expect(state.deliveries?.hasLoaded == true)
        #expect(state.status?.line.text.hasPrefix("Could not load deliveries") == true)
        #expect(state.requests.isEmpty)
    }

    @Test func enterOpensTheDetailAndEscGoesBackTwice() {
        var state = DeliveryFixtures.browsing()
        state.press(.enter)
        #expect(state.deliveries?.showingDetail == true)
        state.press(.escape)
        #expect(state.deliveries?.showingDetail == false)
        state.press(.escape)
        #expect(state.deliveries == nil)
        #expect(state.selectedEndpoint?.id == Fixtures.production.id)
    }

    @Test func theCursorAtTheEndFetchesTheNextPage() {
        var state = Fixtures.state()
        let effects = state.press(.character("D"))
        for effect in effects {
            guard case .loadDeliveries(let id, _, _) = effect else { continue }
            _ = update(
                &state,
                .deliveriesPage(id, DeliveryFixtures.all, page: 1, pagination: Pagination(totalCount: 250, maxPage: 3)))
        }
        let next = state.press(.character("G"))
        guard case .loadDeliveries(_, _, let page) = next.first else {
            Issue.record("no next page: \(next)")
            return
        }
        #expect(page == 2)
    }

    @Test func theDetailSanitizesAndPrettyPrints() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("j"), .enter)
        let text = render(state).text
        #expect(text.contains("Internal Error"))
        #expect(!text.contains("\u{1B}"))
        state.press(.character("g"))
        state.deliveries?.list.select(0, visibleRows: 10)
        let paid = render(state).text
        #expect(paid.contains("\"amount\" : 4200") || paid.contains("\"amount\": 4200"))
    }
}

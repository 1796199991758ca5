import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct PickerUpdateTests {
    /// A new form with the event picker focused.
    func picker() -> DashboardState {
        var state = Fixtures.state()
        state.press(.character("n"))
        state.type("https://example.com/hook")
        state.press(.tab, .tab, .tab, .tab)
        #expect(state.form?.focus == .events)
        return state
    }

    func selected(_ state: DashboardState) -> [String] { state.form?.events.checkedIDs ?? [] }

    @Test func spaceOnAGroupTogglesTheWholeGroup() {
        var state = picker()
        // Benefit is first: two events.
        state.press(.character(" "))
        #expect(selected(state) == ["benefit.created", "benefit.updated"])
        #expect(state.form?.events.mark(ofGroup: 0) == .all)
        state.press(.character(" "))
        #expect(selected(state).isEmpty)
    }

    @Test func groupsAreTriState() {
        var state = picker()
        state.press(.enter, .character("j"), .character(" "))
        #expect(selected(state) == ["benefit.created"])
        #expect(state.form?.events.mark(ofGroup: 0) == .some)
        state.press(.character("k"), .character(" "))
        #expect(state.form?.events.mark(ofGroup: 0) == .all)
    }

    @Test func allAndNone() {
        var state = picker()
        state.press(.character("a"))
        #expect(selected(state).count == 42)
        #expect(render(state).text.contains("42 of 42 selected"))
        state.press(.character("a"))
        #expect(selected(state).isEmpty)
    }

    @Test func filterNarrowsAndToggleAllActsOnMatchesOnly() {
        var state = picker()
        state.press(.character("/"))
        state.type("refund")
        #expect(state.form?.events.filter == "refund")
        state.press(.enter)
        state.press(.character("a"))
        #expect(selected(state) == ["order.refunded", "refund.created", "refund.updated"])
        // Esc in the filter clears it; the choices stay.
        state.press(.character("/"), .escape)
        #expect(state.form?.events.filter == "")
        #expect(selected(state).count == 3)
        #expect(state.form != nil)
    }

    @Test func enterFoldsAndUnfolds() {
        var state = picker()
        let folded = state.form?.events.rows.count ?? 0
        state.press(.enter)
        #expect((state.form?.events.rows.count ?? 0) == folded + 2)
        state.press(.character("j"), .enter)
        #expect(state.form?.events.rows.count == folded)
        #expect(state.form?.events.focusedRow == .group(0))
    }

    @Test func focusedEventShowsItsMeaning() {
        var state = picker()
        state.press(.enter, .character("j"))
        #expect(render(state).text.contains("benefit.created: A benefit was created."))
    }

    @Test func savedEventsAreInTheAPIOrder() throws {
        var state = picker()
        state.press(.character("a"))
        let (_, body) = try #require(state.press(.control("s")).createRequest)
        #expect(body.events == WebhookEventCatalog.allTypes)
    }

    @Test func unknownEventsOfAnEndpointAreKept() {
        var endpoint = Fixtures.production
        endpoint.events = ["order.paid", "future.event"]
        var state = Fixtures.state(endpoints: [endpoint])
        state.press(.character("e"))
        #expect(state.form?.events.checkedIDs.contains("future.event") == true)
        state.press(.tab)
        state.type("x")
        guard case .updateEndpoint(_, _, let body) = state.press(.control("s")).first else {
            Issue.record("expected an update")
            return
        }
        #expect(body.events == nil)
    }
}

import Foundation
import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct ListUpdateTests {
    @Test func movingWithVimKeysAndArrows() {
        var state = Fixtures.state()
        #expect(state.selectedEndpoint?.id == Fixtures.production.id)
        state.press(.character("j"))
        #expect(state.selectedEndpoint?.id == Fixtures.slack.id)
        state.press(.down, .down)
        #expect(state.selectedEndpoint?.id == Fixtures.unnamed.id)
        state.press(.character("g"))
        #expect(state.list.selected == 0)
        state.press(.end)
        #expect(state.list.selected == 2)
        state.press(.up, .character("k"), .character("k"))
        #expect(state.list.selected == 0)
    }

    @Test func pagingThroughThousands() {
        var state = Fixtures.state(width: 80, height: 24, endpoints: Fixtures.many(5000))
        let rows = Layout(size: state.size).listRows
        state.press(.pageDown)
        #expect(state.list.selected == rows - 1)
        state.press(.control("d"))
        #expect(state.list.selected == rows - 1 + rows / 2)
        state.press(.character("G"))
        #expect(state.list.selected == 4999)
        let text = render(state).text
        #expect(text.contains("Bulk endpoint 4999"))
        #expect(text.contains("5000/5000"))
    }

    @Test func filterNarrowsAndEscClears() {
        var state = Fixtures.state()
        state.press(.character("/"))
        state.type("slack")
        #expect(state.visible.count == 1)
        #expect(state.selectedEndpoint?.id == Fixtures.slack.id)
        // While typing, letters are text, not commands.
        state.type("q")
        #expect(state.shouldQuit == false)
        #expect(state.visible.isEmpty)
        state.press(.backspace, .enter)
        #expect(state.isEditingFilter == false)
        #expect(state.visible.count == 1)
        state.press(.escape)
        #expect(state.filter.text == "")
        #expect(state.visible.count == 3)
        #expect(state.selectedEndpoint?.id == Fixtures.slack.id)
    }

    @Test func pagesArriveInTheBackgroundAndKeepTheSelection() {
        var state = DashboardState(
            size: Size(width: 120, height: 40), now: Fixtures.now, timeZone: Fixtures.utc,
            environment: .sandbox,
            tokenKind: .organization)
        let effects = startLoading(&state)
        guard case .loadEndpoints(let id) = effects.first else {
            Issue.record("expected a load")
            return
        }
        let all = Fixtures.many(250)
        _ = update(&state, .endpointsPage(id, Array(all[0..<100]), totalCount: 250))
        state.press(.character("j"), .character("j"))
        #expect(HeaderView.countText(state) == "100 of 250 endpoints")
        _ = update(&state, .endpointsPage(id, Array(all[100..<250]), totalCount: 250))
        _ = update(&state, .endpointsLoaded(id))
        #expect(state.selectedEndpoint?.id == "we_bulk2")
        #expect(state.endpoints.count == 250)
        #expect(HeaderView.countText(state) == "250 endpoints")
    }

    @Test func reloadReplacesTheListWhenTheFirstPageArrives() {
        var state = Fixtures.state()
        state.press(.character("j"))
        guard case .loadEndpoints(let id) = state.press(.character("r")).first else {
            Issue.record("expected a load")
            return
        }
        #expect(state.endpoints.count == 3)
        _ = update(&state, .endpointsPage(id, [Fixtures.slack], totalCount: 1))
        _ = update(&state, .endpointsLoaded(id))
        #expect(state.endpoints == [Fixtures.slack])
        #expect(state.selectedEndpoint?.id == Fixtures.slack.id)
        #expect(state.status?.line.text == "Loaded 1 endpoint")
    }

    @Test func unreadableEndpointsAreLeftOutAndSaidSo() {
        var state = Fixtures.state()
        guard case .loadEndpoints(let id) = state.press(.character("r")).first else {
            Issue.record("expected a load")
            return
        }
        let odd = UnreadableItem(id: "we_odd", page: 1, index: 1, problem: "expected true or false at enabled")
        _ = update(&state, .endpointsPage(id, [Fixtures.slack], totalCount: 2, unreadable: [odd]))
        _ = update(&state, .endpointsLoaded(id))
        #expect(state.endpoints == [Fixtures.slack])
        #expect(
            state.status?.line.text
                == "1 endpoint could not be read (a newer Polar, or a damaged answer); it is left out: "
                + "we_odd: expected true or false at enabled")
        // The next clean load forgets it.
        guard case .loadEndpoints(let next) = state.press(.character("r")).first else {
            Issue.record("expected a load")
            return
        }
        _ = update(&state, .endpointsPage(next, [Fixtures.slack], totalCount: 1))
        _ = update(&state, .endpointsLoaded(next))
        #expect(state.unreadableEndpoints.isEmpty)
        #expect(state.status?.line.text == "Loaded 1 endpoint")
    }

    @Test func narrowEnterOpensDetailAndEscGoesBack() {
        var state = Fixtures.state(width: 80, height: 24)
        state.press(.enter)
        #expect(state.showingDetail)
        #expect(render(state).text.contains("Signing  Standard Webhooks"))
        state.press(.escape)
        #expect(!state.showingDetail)
        #expect(state.focus == .list)
    }

    @Test func secretIsMaskedUntilS() {
        var state = Fixtures.state()
        #expect(!render(state).text.contains(Fixtures.production.secret))
        #expect(render(state).text.contains("whsec_••••••••"))
        state.press(.character("s"))
        #expect(render(state).text.contains(Fixtures.production.secret))
        state.press(.character("s"))
        #expect(!render(state).text.contains(Fixtures.production.secret))
    }

    @Test func copySaysWhatWasCopied() {
        var state = Fixtures.state()
        #expect(state.press(.character("y")) == [.copyToClipboard(Fixtures.production.secret)])
        #expect(
            state.status?.line.text
                == "Copied the signing secret of Production hook to the clipboard (OSC 52)")
    }

    @Test func quitAndControlKeys() {
        var state = Fixtures.state()
        #expect(state.press(.control("l")) == [.redraw])
        #expect(state.press(.control("z")) == [.suspend])
        #expect(state.press(.character("q")) == [.quit])
        #expect(state.shouldQuit)
        var inForm = Fixtures.state()
        inForm.press(.character("n"))
        #expect(inForm.press(.control("c")) == [.quit])
        #expect(inForm.shouldQuit)
    }

    @Test func escCancelsASlowRequestFromTheList() {
        var state = Fixtures.state()
        guard case .loadEndpoints(let id) = state.press(.character("r")).first else {
            Issue.record("expected a load")
            return
        }
        #expect(state.press(.escape) == [.cancel(id)])
        _ = update(&state, .failed(id, .cancelled))
        #expect(!state.isBusy)
        #expect(state.endpoints.count == 3)
    }

    @Test func helpOverlayComesFromTheKeyTable() {
        var state = Fixtures.state()
        state.press(.character("?"))
        let text = render(state).text
        for section in KeyMap.table.sections.prefix(3) {
            #expect(text.contains(section.title))
        }
        #expect(text.contains("reset the signing secret"))
        state.press(.escape)
        #expect(state.help == nil)
    }

    @Test func footerHintsComeFromTheKeyTable() {
        let state = Fixtures.state()
        let footer = render(state).text.split(separator: "\n", omittingEmptySubsequences: false)[38]
        for hint in KeyMap.table.hints(for: [.endpoints, .lists, .global]) {
            #expect(footer.contains("\(hint.key) \(hint.label)"))
        }
    }

    @Test func resizeRelaysOutEverywhere() {
        var state = Fixtures.state()
        state.press(.character("n"))
        _ = update(&state, .resize(Size(width: 70, height: 20)))
        #expect(render(state).size == Size(width: 70, height: 20))
        #expect(render(state).text.contains("New endpoint"))
        _ = update(&state, .resize(Size(width: 40, height: 10)))
        #expect(render(state).text.contains("Terminal too small"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        #expect(state.form != nil)
    }

    @Test func userTokenCyclesOrganizations() {
        var other = Fixtures.slack
        other.organizationId = "org_beta"
        var state = Fixtures.state(
            endpoints: [Fixtures.production, other], tokenKind: .user,
            organizations: [Fixtures.organization, Fixtures.secondOrganization])
        state.press(.character("o"))
        #expect(state.visible.count == 1)
        #expect(state.organizationName == "Acme Demo")
        state.press(.character("o"))
        #expect(state.selectedEndpoint?.id == other.id)
        state.press(.character("o"))
        #expect(state.visible.count == 2)
    }
}

/// After a 500, 429, 401, a closed connection or a timeout the dashboard must not say there
/// are no endpoints; a later load that works clears the failure.
@Suite struct FailedLoadTests {
    static let failures: [PolarError] = [
        .server(status: 500, body: "Internal Server Error"), .rateLimited(retryAfter: 30),
        .unauthorized(detail: "Unauthorized"), .network("the connection closed before an answer"), .timeout,
    ]

    @Test(arguments: failures)
    func aFailedFirstLoadIsNeverAnEmptyAccount(_ failure: PolarError) {
        var state = DashboardState(
            size: Size(width: 120, height: 40), now: Fixtures.now, timeZone: Fixtures.utc, environment: .sandbox,
            tokenKind: .organization)
        for case .loadEndpoints(let id) in startLoading(&state) { _ = update(&state, .failed(id, failure)) }
        let screen = render(state).text
        #expect(!screen.contains("No endpoints yet"))
        #expect(!screen.contains("0 endpoints"))
        #expect(screen.contains("Could not load the endpoints"))
        #expect(screen.contains("not loaded"))
    }

    @Test func aLoadThatWorksAfterwardsClearsTheFailure() {
        var state = DashboardState(
            size: Size(width: 120, height: 40), now: Fixtures.now, timeZone: Fixtures.utc, environment: .sandbox,
            tokenKind: .organization)
        for case .loadEndpoints(let id) in startLoading(&state) { _ = update(&state, .failed(id, .timeout)) }
        for case .loadEndpoints(let id) in state.press(.character("r")) {
            _ = update(&state, .endpointsPage(id, [], totalCount: 0))
            _ = update(&state, .endpointsLoaded(id))
        }
        #expect(state.loadFailure == nil)
        #expect(render(state).text.contains("No endpoints yet"))
    }

    @Test func aFailedReloadKeepsTheRowsOnScreen() {
        var state = Fixtures.state()
        for case .loadEndpoints(let id) in state.press(.character("r")) { _ = update(&state, .failed(id, .timeout)) }
        #expect(state.endpoints.count == Fixtures.endpoints.count)
        #expect(render(state).text.contains("Production hook"))
    }
}

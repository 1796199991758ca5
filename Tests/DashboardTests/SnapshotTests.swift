import Foundation
import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

/// Every screen at 80×24 and 120×40, compared as text with Snapshots/*.txt.
@Suite struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    func check(
        _ name: String, _ make: (Size) -> DashboardState,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for size in Self.sizes {
            expectSnapshot(
                render(make(size)), named: "\(name)_\(size.width)x\(size.height)",
                sourceLocation: sourceLocation)
        }
    }

    func loaded(_ size: Size) -> DashboardState {
        Fixtures.state(width: size.width, height: size.height)
    }

    /// The screen `input` leads to from the loaded list, at every size.
    func checkFromList(
        _ name: String, after input: (inout DashboardState) -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        check(
            name,
            { size in
                var state = loaded(size)
                input(&state)
                return state
            }, sourceLocation: sourceLocation)
    }

    @Test func endpointList() {
        check("list") { loaded($0) }
    }

    @Test func endpointDetail() {
        checkFromList("detail") { $0.press(.enter) }
    }

    @Test func detailOfEndpointWithEveryEvent() {
        checkFromList("detail_all_events") { $0.press(.character("G"), .enter) }
    }

    @Test func emptyList() {
        check("empty") { size in Fixtures.state(width: size.width, height: size.height, endpoints: []) }
    }

    /// Background refresh on: the health column, its strip, and the detail's Health section.
    @Test func liveHealth() {
        check("live_health") { size in
            var state = loaded(size)
            state.live = LiveRefresh(interval: 15, budget: 20, bell: false)
            state.live.nextListRefresh = state.now + 15
            let start = state.now - 5 * 3600
            var history = LiveRefreshTests.deliveries(3, code: 200, from: start, prefix: "a")
            history += LiveRefreshTests.deliveries(4, code: 502, from: start + 3600, prefix: "b")
            for case .loadHealth(let id, let endpointID, _, _) in update(&state, .tick(state.now + 0.1)) {
                let deliveries: [WebhookDelivery] =
                    switch endpointID {
                    case Fixtures.production.id: history
                    case Fixtures.slack.id: LiveRefreshTests.deliveries(10, code: 500, from: start, prefix: "c")
                    default: []
                    }
                _ = update(&state, LiveRefreshTests.healthAnswer(state, id, endpointID: endpointID, deliveries))
            }
            return state
        }
    }

    /// A load that failed says so, and never that there are no endpoints.
    @Test func failedLoad() {
        check("load_failed") { size in
            var state = DashboardState(
                size: size, now: Fixtures.now, timeZone: Fixtures.utc, environment: .sandbox,
                tokenKind: .organization)
            for case .loadEndpoints(let id) in startLoading(&state) {
                _ = update(&state, .failed(id, .server(status: 500, body: "Internal Server Error")))
            }
            return state
        }
    }

    @Test func loading() {
        check("loading") { size in
            var state = DashboardState(
                size: size, now: Fixtures.now, timeZone: Fixtures.utc, environment: .production,
                tokenKind: .user)
            _ = startLoading(&state)
            return state
        }
    }

    @Test func filteredList() {
        checkFromList("filter") {
            $0.press(.character("/"))
            $0.type("slack")
        }
    }

    @Test func emptyForm() {
        checkFromList("form_empty") { $0.press(.character("n")) }
    }

    @Test func formWithPickerFocused() {
        checkFromList("form_picker") {
            $0.press(.character("n"))
            $0.type("https://example.com/hook")
            $0.press(.tab, .tab, .tab, .tab)
            $0.press(.down, .down, .down, .enter, .down, .character(" "), .down)
        }
    }

    @Test func formWithValidationErrors() {
        checkFromList("form_errors") {
            $0.press(.character("n"))
            $0.type("http://localhost:3000/hook")
            $0.press(.tab, .tab, .tab)
            $0.type("tooshort")
            $0.press(.control("s"))
        }
    }

    @Test func formWithServerErrors() {
        check("form_server_errors") { size in
            var state = loaded(size)
            state.press(.character("n"))
            state.type("https://example.com/hook")
            let effects = state.press(.control("s"))
            guard case .createEndpoint(let id, _) = effects.first else { return state }
            state.refuseWithPrivateURL(
                id, and: [ValidationIssue(loc: ["body", "events"], msg: "Field required", type: "missing")])
            return state
        }
    }

    @Test func editForm() {
        checkFromList("form_edit") { $0.press(.character("e")) }
    }

    @Test func formWithUserToken() {
        check("form_user_token") { size in
            var state = Fixtures.state(
                width: size.width, height: size.height, tokenKind: .user,
                organizations: [Fixtures.organization, Fixtures.secondOrganization])
            state.press(.character("n"), .tab, .tab, .tab, .tab, .right)
            return state
        }
    }

    @Test func deleteDialog() {
        checkFromList("dialog_delete") { $0.press(.character("d")) }
    }

    @Test func resetSecretDialog() {
        checkFromList("dialog_reset") { $0.press(.character("R")) }
    }

    @Test func toggleDialog() {
        checkFromList("dialog_toggle") { $0.press(.character("t")) }
    }

    @Test func discardDialog() {
        checkFromList("dialog_discard") {
            $0.press(.character("n"))
            $0.type("https://x.example")
            $0.press(.escape)
        }
    }

    @Test func helpOverlay() {
        checkFromList("help") { $0.press(.character("?")) }
    }

    @Test func createdEndpointShowsSecretOnce() {
        check("created") { size in
            var state = loaded(size)
            state.press(.character("n"))
            state.type("https://new.example.com/polar")
            let effects = state.press(.control("s"))
            guard case .createEndpoint(let id, _) = effects.first else { return state }
            var created = Fixtures.production
            created.id = "we_new"
            created.url = "https://new.example.com/polar"
            created.name = nil
            created.events = []
            created.createdAt = Fixtures.now
            _ = update(&state, .created(id, created))
            return state
        }
    }

    @Test func firstRun() {
        check("first_run") { size in
            var state = DashboardState.firstRun(size: size, now: Fixtures.now, timeZone: Fixtures.utc)
            _ = update(&state, .key(.paste("polar_oat_secret")))
            return state
        }
    }

    @Test func tooSmall() {
        for size in [
            Size(width: 59, height: 24), Size(width: 80, height: 14), Size(width: 20, height: 5),
        ] {
            var state = loaded(size)
            state.size = size
            expectSnapshot(render(state), named: "too_small_\(size.width)x\(size.height)")
        }
    }

    @Test func productionBadgeAndMinimumSize() {
        var state = loaded(Size(width: 60, height: 15))
        state.environment = .production
        expectSnapshot(render(state), named: "list_production_60x15")
    }
}

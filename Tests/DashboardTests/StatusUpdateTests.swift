import Foundation
import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct StatusUpdateTests {
    @Test func messagesClearThemselves() {
        var state = Fixtures.state()
        state.press(.character("y"))
        let expiry = state.status?.expiresAt
        #expect(expiry == Fixtures.now + StatusMessage.lifetime)
        #expect(nextDeadline(state) == expiry)
        _ = update(&state, .tick(Fixtures.now + 1))
        #expect(state.status != nil)
        _ = update(&state, .tick(Fixtures.now + StatusMessage.lifetime))
        #expect(state.status == nil)
        #expect(nextDeadline(state) == nil)
    }

    @Test func errorsStayUntilTheNextKey() {
        var state = Fixtures.state()
        guard case .loadEndpoints(let id) = state.press(.character("r")).first else {
            Issue.record("expected a load")
            return
        }
        _ = update(&state, .failed(id, .unauthorized(detail: "invalid_token")))
        #expect(state.status?.line.kind == .error)
        _ = update(&state, .tick(Fixtures.now + 3600))
        #expect(state.status?.line.kind == .error)
        state.press(.character("j"))
        #expect(state.status == nil)
    }

    @Test func spinnerTicksOnlyWhileBusy() {
        var state = Fixtures.state()
        #expect(nextDeadline(state) == nil)
        state.press(.character("r"))
        #expect(nextDeadline(state) == Fixtures.now + 0.1)
        let first = render(state).text
        _ = update(&state, .tick(Fixtures.now + 0.1))
        #expect(render(state).text != first)
    }

    @Test func networkStringsAreSanitizedOnScreen() {
        var state = Fixtures.state()
        guard case .loadEndpoints(let id) = state.press(.character("r")).first else {
            Issue.record("expected a load")
            return
        }
        _ = update(&state, .failed(id, .server(status: 500, body: "oops\u{1B}[2Jcleared")))
        let canvas = render(state)
        #expect(!canvas.cells.contains { $0.text.contains("\u{1B}") })
    }
}

import TerminalUI
import Testing

@testable import Dashboard

/// `DashboardState.front` is the one order of precedence: the keys, the footer's contexts and
/// the drawing all follow it.
@Suite struct FrontTests {
    @Test func anOverlayIsInFrontOfTheScreenAndTakesItsKeys() {
        var state = Fixtures.state()
        // Tab twice: the format choice, where ? is not text.
        state.press(.character("n"), .tab, .tab, .character("?"))
        guard case .overlay(.help) = state.front else {
            Issue.record("help is not in front: \(state.front)")
            return
        }
        #expect(state.activeKeyContexts == [.help])
        // Space belongs to the help now; it does not change the format underneath.
        let form = state.form
        state.press(.character(" "))
        #expect(state.form == form)
        #expect(render(state).text.contains("┌ Keys"))
        state.press(.escape)
        guard case .screen(.form) = state.front else {
            Issue.record("the form is not in front after Esc: \(state.front)")
            return
        }
    }

    @Test func aTerminalTooSmallIsInFrontOfEverythingAndKeepsTheForm() {
        var state = Fixtures.state()
        state.press(.character("n"), .tab, .tab, .character("?"))
        _ = update(&state, .resize(Size(width: 40, height: 10)))
        guard case .tooSmall = state.front else {
            Issue.record("too small is not in front: \(state.front)")
            return
        }
        #expect(state.activeKeyContexts.isEmpty)
        #expect(render(state).text.contains("Terminal too small"))
        // q does not throw the open form away, and Esc does not close the help unseen.
        #expect(state.press(.character("q")).isEmpty)
        state.press(.escape)
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        guard case .overlay(.help) = state.front else {
            Issue.record("help is not back in front: \(state.front)")
            return
        }
        #expect(state.form != nil)
    }
}

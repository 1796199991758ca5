import FoundationEssentials
import TerminalUI
import TextTools

func handleFirstRunKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var firstRun = state.firstRun else { return [] }
    defer { if state.firstRun != nil { state.firstRun = firstRun } }
    switch key {
    case .escape:
        if let connecting = firstRun.connecting { return [.cancel(connecting)] }
        return quit(&state)
    case .tab, .backTab, .down, .up:
        firstRun.focus = firstRun.focus == .token ? .demo : .token
    case .enter:
        guard firstRun.connecting == nil else { return [] }
        if firstRun.focus == .demo {
            let id = state.makeRequest(.connect, label: "Starting the demo")
            firstRun.connecting = id
            firstRun.error = nil
            return [.startDemo(id)]
        }
        let token = firstRun.token.text.trimmingWhitespace()
        guard !token.isEmpty else {
            firstRun.error = "Paste a token first, or Tab to the demo."
            return []
        }
        let id = state.makeRequest(.connect, label: "Checking the token")
        firstRun.connecting = id
        firstRun.error = nil
        return [.connect(id, token: token)]
    default:
        if firstRun.focus == .token, firstRun.token.handle(key) == .changed { firstRun.error = nil }
    }
    return []
}

/// Applies a first-run answer; on success the dashboard starts loading.
func handleConnection(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .connected(let id, let environment, let tokenKind):
        state.requests[id] = nil
        state.firstRun = nil
        state.environment = environment
        state.tokenKind = tokenKind
        return startLoading(&state)
    case .connectionFailed(let id, let message):
        state.requests[id] = nil
        state.firstRun?.connecting = nil
        state.firstRun?.error = message
        return []
    default:
        return []
    }
}

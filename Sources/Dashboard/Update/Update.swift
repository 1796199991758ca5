import FoundationEssentials
import PolarAPI
import TerminalUI

/// The dashboard's one state transition: applies `action` to `state` and returns the work
/// to do next. Pure: no I/O, no clock, no randomness.
func update(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .tick(let now):
        state.now = now
        if let expiry = state.status?.expiresAt, expiry <= now { state.status = nil }
        return refreshIfDue(&state)
    case .resize(let size):
        state.size = size
        state.refreshVisible()
        return []
    case .key(let key):
        return handleKey(&state, key)
    case .secretGenerated(let secret):
        guard state.form != nil else { return [] }
        state.form?.secret.setText(secret)
        state.form?.secretVisible = true
        state.form?.serverErrors[.secret] = nil
        state.status = .info(
            "Generated a 32-byte secret. A secret you choose signs the legacy way; leave it empty for Standard Webhooks.",
            now: state.now)
        return []
    case .deliveriesPage, .redelivered:
        return handleDeliveriesResult(&state, action)
    case .endpointsRefreshed, .healthLoaded, .deliveriesRefreshed:
        return handleRefreshResult(&state, action)
    default:
        return handleResult(&state, action)
    }
}

/// The effects that start a dashboard: the endpoints and the organizations.
func startLoading(_ state: inout DashboardState) -> [Effect] {
    var effects = reload(&state, announce: false)
    let organizations = state.makeRequest(.loadOrganizations, label: "Loading organizations")
    effects.append(.loadOrganizations(organizations))
    return effects
}

/// When the loop must wake with nothing else happening: the status line's expiry, or the
/// next spinner frame while a request is in flight. nil: sleep until a key.
func nextDeadline(_ state: DashboardState) -> Date? {
    let spinner = state.isBusy ? state.now + 0.1 : nil
    return [state.status?.expiresAt, spinner, nextRefreshDeadline(state)].compactMap { $0 }.min()
}

func reload(_ state: inout DashboardState, announce: Bool) -> [Effect] {
    if let previous = state.loadRequest {
        state.requests[previous] = nil
    }
    let id = state.makeRequest(.loadEndpoints, label: "Loading endpoints")
    state.loadRequest = id
    state.loadReplacesList = true
    state.announceLoad = announce
    return [.loadEndpoints(id)]
}

func handleKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    // A message that waits for a key (an error, a secret shown once) goes with the next one.
    if state.status?.expiresAt == nil { state.status = nil }
    switch KeyMap.command(for: key, in: [.always]) {
    case .quitNow:
        return quit(&state, .interrupt)
    case .redraw:
        return [.redraw]
    case .suspend:
        return [.suspend]
    default:
        break
    }
    switch state.front {
    case .tooSmall:
        // q quits from here too, but never throws away an open form.
        if key == .character("q"), state.form == nil { return quit(&state) }
        return []
    case .overlay(.help): return handleHelpKey(&state, key)
    case .overlay(.confirmation): return handleDialogKey(&state, key)
    case .screen(.firstRun): return handleFirstRunKey(&state, key)
    case .screen(.endpoints): return handleListKey(&state, key)
    case .screen(.form): return handleFormKey(&state, key)
    case .screen(.deliveries): return handleDeliveriesKey(&state, key)
    }
}

/// Ends the loop after this frame; the effect tells the runner (and the tests) as much.
func quit(_ state: inout DashboardState, _ reason: QuitReason = .quit) -> [Effect] {
    state.quitReason = reason
    return [.quit]
}

/// The commands that mean the same on every screen that offers them: `?` and `q`.
func handleGlobalCommand(_ state: inout DashboardState, _ command: DashboardCommand?) -> [Effect] {
    switch command {
    case .help:
        openHelp(&state)
        return []
    case .quit:
        return quit(&state)
    default:
        return []
    }
}

/// `?`: every key, those that work where the user is first.
func openHelp(_ state: inout DashboardState) {
    var first = state.activeKeyContexts
    if let form = state.form, form.focus.isTextField, !form.isEditingEventFilter { first.append(.textField) }
    state.help = HelpOverlay(title: "Keys", sections: KeyMap.table.helpSections(first: first))
}

func handleHelpKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    switch KeyMap.command(for: key, in: [.help]) {
    case .back: state.help = nil
    case .down:
        guard var help = state.help else { break }
        help.scroll = min(help.scroll + 1, help.maxScroll(in: Layout(size: state.size).body))
        state.help = help
    case .up:
        let scroll = state.help?.scroll ?? 0
        state.help?.scroll = max(0, scroll - 1)
    default: break
    }
    return []
}

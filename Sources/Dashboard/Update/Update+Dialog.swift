import PolarAPI
import TerminalUI

func handleDialogKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard let confirmation = state.confirmation else { return [] }
    switch KeyMap.command(for: key, in: [.dialog]) {
    case .yes:
        return confirm(&state, confirmation.kind)
    case .no:
        state.confirmation = nil
    case .activate:
        if confirmation.yesFocused { return confirm(&state, confirmation.kind) }
        state.confirmation = nil
    case .switchButton:
        state.confirmation?.yesFocused.toggle()
    default:
        break
    }
    return []
}

func confirm(_ state: inout DashboardState, _ kind: Confirmation.Kind) -> [Effect] {
    state.confirmation = nil
    switch kind {
    case .delete(let id):
        let name = endpointName(state, id: id)
        let request = state.makeRequest(.delete, label: "Deleting \(name)")
        return [.deleteEndpoint(request, id: id)]
    case .resetSecret(let id):
        let name = endpointName(state, id: id)
        let request = state.makeRequest(.resetSecret, label: "Resetting the secret of \(name)")
        return [.resetSecret(request, id: id)]
    case .setEnabled(let id, let enabled):
        let name = endpointName(state, id: id)
        let request = state.makeRequest(.toggle, label: (enabled ? "Enabling " : "Disabling ") + name)
        return [.updateEndpoint(request, id: id, WebhookEndpointUpdate(enabled: enabled))]
    case .redeliverFailed(let events, let skipped, _):
        return redeliverAll(&state, events, skippedArchived: skipped)
    case .discardForm:
        state.form = nil
        state.status = .info("Discarded the changes.", now: state.now)
        return []
    case .quitWithChanges:
        return quit(&state)
    }
}

func endpointName(_ state: DashboardState, id: String) -> String {
    state.endpoints.first { $0.id == id }?.displayName ?? id
}

import PolarAPI
import TerminalUI

func handleListKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    if state.isEditingFilter { return handleFilterKey(&state, key) }
    guard let command = KeyMap.command(for: key, in: [.endpoints, .lists, .global]) else { return [] }
    let rows = Layout(size: state.size).listRows
    switch command {
    case .up, .down, .top, .bottom, .pageUp, .pageDown, .halfPageUp, .halfPageDown:
        if state.focus == .detail {
            scrollDetail(&state, command)
        } else {
            let before = state.selectedEndpoint?.id
            state.list.move(movement(for: command), visibleRows: rows)
            if state.selectedEndpoint?.id != before { selectionChanged(&state) }
        }
    case .filter:
        state.isEditingFilter = true
        state.focus = .list
        state.showingDetail = false
    case .open:
        guard state.selectedEndpoint != nil else { return [] }
        state.focus = .detail
        state.showingDetail = !state.isWide
    case .back:
        return back(&state)
    case .nextPane:
        if state.isWide {
            state.focus = state.focus == .list ? .detail : .list
        } else if state.selectedEndpoint != nil {
            state.showingDetail.toggle()
            state.focus = state.showingDetail ? .detail : .list
        }
    case .reload:
        return reload(&state, announce: true)
    case .new:
        openCreateForm(&state)
    case .edit:
        guard let endpoint = requireSelection(&state, verb: "edit") else { return [] }
        state.form = EndpointForm(editing: endpoint)
    case .delete:
        guard let endpoint = requireSelection(&state, verb: "delete") else { return [] }
        state.confirmation = Confirmation(.delete(endpointID: endpoint.id))
    case .toggleEnabled:
        guard let endpoint = requireSelection(&state, verb: "enable or disable") else { return [] }
        state.confirmation = Confirmation(
            .setEnabled(endpointID: endpoint.id, enabled: !endpoint.enabled))
    case .resetSecret:
        guard let endpoint = requireSelection(&state, verb: "reset the secret of") else { return [] }
        state.confirmation = Confirmation(.resetSecret(endpointID: endpoint.id))
    case .showSecret:
        guard requireSelection(&state, verb: "show the secret of") != nil else { return [] }
        state.secretRevealed.toggle()
    case .copySecret:
        guard let endpoint = requireSelection(&state, verb: "copy the secret of") else { return [] }
        state.status = .success(
            "Copied the signing secret of \(endpoint.displayName) to the clipboard (OSC 52)",
            now: state.now)
        return [.copyToClipboard(endpoint.secret)]
    case .deliveries:
        return openDeliveries(&state)
    case .organization:
        cycleOrganization(&state)
    default:
        return handleGlobalCommand(&state, command)
    }
    return []
}

func handleFilterKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    switch KeyMap.command(for: key, in: [.filter]) {
    case .open:
        state.isEditingFilter = false
    case .back:
        state.isEditingFilter = false
        state.filter = TextField()
        state.refreshVisible()
    default:
        if state.filter.handle(key) == .changed {
            state.refreshVisible()
            if state.selectedEndpoint == nil || state.list.selected >= state.visible.count {
                state.list.select(0, visibleRows: Layout(size: state.size).listRows)
            }
        }
    }
    return []
}

/// Esc: the innermost thing first — a filter, then the detail, then a slow request.
func back(_ state: inout DashboardState) -> [Effect] {
    if !state.filter.isEmpty {
        state.filter = TextField()
        state.refreshVisible()
        return []
    }
    if state.showingDetail || state.focus == .detail {
        state.showingDetail = false
        state.focus = .list
        return []
    }
    let cancellable = state.requests.values.filter { $0.kind != .loadOrganizations }
    if !cancellable.isEmpty {
        state.status = .info("Cancelling…", now: state.now)
        return cancellable.sorted { $0.id.rawValue < $1.id.rawValue }.map { .cancel($0.id) }
    }
    return []
}

func movement(for command: DashboardCommand) -> ScrollList.Movement {
    switch command {
    case .up: .up
    case .top: .top
    case .bottom: .bottom
    case .pageUp: .pageUp
    case .pageDown: .pageDown
    case .halfPageUp: .halfPageUp
    case .halfPageDown: .halfPageDown
    default: .down
    }
}

func scrollDetail(_ state: inout DashboardState, _ command: DashboardCommand) {
    let page = Layout(size: state.size).detailRows
    switch command {
    case .up: state.detailScroll -= 1
    case .down: state.detailScroll += 1
    case .top: state.detailScroll = 0
    case .bottom: state.detailScroll = Int.max / 2
    case .pageUp, .halfPageUp: state.detailScroll -= page / 2
    default: state.detailScroll += page / 2
    }
    state.detailScroll = max(0, min(state.detailScroll, 200))
}

func selectionChanged(_ state: inout DashboardState) {
    state.secretRevealed = false
    state.detailScroll = 0
    state.freshSecretEndpointID = nil
}

func requireSelection(_ state: inout DashboardState, verb: String) -> WebhookEndpoint? {
    if let endpoint = state.selectedEndpoint { return endpoint }
    state.status = .info("No endpoint to \(verb): the list is empty. n creates one.", now: state.now)
    return nil
}

func openCreateForm(_ state: inout DashboardState) {
    let choosesOrganization = state.tokenKind == .user
    var organization: String? = nil
    if choosesOrganization {
        organization =
            state.organizationFilter ?? (state.organizations.count == 1 ? state.organizations[0].id : nil)
    }
    state.form = EndpointForm(organizationID: organization, organizationEditable: choosesOrganization)
}

func cycleOrganization(_ state: inout DashboardState) {
    guard state.tokenKind != .organization, state.organizations.count > 1 else {
        state.status = .info("This token sees one organization.", now: state.now)
        return
    }
    let ids = state.organizations.map(\.id)
    if let current = state.organizationFilter, let index = ids.firstIndex(of: current) {
        state.organizationFilter = index + 1 < ids.count ? ids[index + 1] : nil
    } else {
        state.organizationFilter = ids.first
    }
    state.refreshVisible()
    let name = state.organizationName ?? "every organization"
    state.status = .info("Showing endpoints of \(name)", now: state.now)
}

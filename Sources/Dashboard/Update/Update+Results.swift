import FoundationEssentials
import PolarAPI
import TerminalUI

func handleResult(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .endpointsPage(let id, let items, let total, let unreadable):
        guard id == state.loadRequest else { return [] }
        let replacing = state.loadReplacesList
        if replacing { state.unreadableEndpoints = [] }
        state.unreadableEndpoints += unreadable
        state.loadReplacesList = false
        state.changeEndpoints { endpoints in
            if replacing { endpoints = items } else { endpoints += items }
        }
        state.totalCount = total
    case .endpointsLoaded(let id):
        guard id == state.loadRequest else { return [] }
        state.requests[id] = nil
        state.loadRequest = nil
        if state.loadReplacesList {
            state.changeEndpoints { $0 = [] }
            state.unreadableEndpoints = []
        }
        state.loadReplacesList = false
        state.hasLoaded = true
        state.loadFailure = nil
        state.totalCount = state.endpoints.count
        state.live.nextListRefresh = state.now + state.live.interval
        if let summary = UnreadableItem.summary(
            state.unreadableEndpoints, singular: "endpoint", plural: "endpoints")
        {
            state.status = .error(summary)
        } else if state.announceLoad {
            state.status = .success(
                "Loaded \(counted(state.endpoints.count, "endpoint"))", now: state.now)
        }
    case .organizationsLoaded(let id, let organizations):
        state.requests[id] = nil
        state.organizations = organizations
        if var form = state.form, form.isCreate, form.organizationEditable, form.organizationID == nil,
            organizations.count == 1
        {
            form.organizationID = organizations[0].id
            state.form = form
        }
    case .created(let id, let endpoint):
        state.requests[id] = nil
        state.form = nil
        if !state.filter.isEmpty { state.filter = TextField() }
        if let organization = state.organizationFilter, organization != endpoint.organizationId {
            state.organizationFilter = nil
        }
        state.changeEndpoints(selecting: endpoint.id) { $0.insert(endpoint, at: 0) }
        state.totalCount = (state.totalCount ?? state.endpoints.count - 1) + 1
        selectionChanged(&state)
        state.freshSecretEndpointID = endpoint.id
        // The secret is shown once, in the detail: a narrow screen opens it.
        state.showingDetail = !state.isWide
        state.focus = state.isWide ? .list : .detail
        state.status = .sticky(
            "Created \(endpoint.url). Secret shown once: y copies it.", kind: .success)
    case .updated(let id, let endpoint):
        let request = state.requests.removeValue(forKey: id)
        replace(&state, endpoint)
        if request?.kind == .toggle, endpoint.enabled, state.live.autoDisabled.contains(endpoint.id) {
            // Back on after Polar turned it off: the events that failed meanwhile can go again.
            state.live.autoDisabled.removeAll { $0 == endpoint.id }
            state.live.refreshedAt[endpoint.id] = nil
            state.status = .sticky(
                "Enabled \(endpoint.displayName). Its failed events can be sent again: D opens its deliveries, "
                    + "f shows the failed ones, B redelivers them.", kind: .success)
        } else if request?.kind == .toggle {
            state.status = .success(
                (endpoint.enabled ? "Enabled " : "Disabled ") + endpoint.displayName, now: state.now)
        } else {
            if state.form?.saving == id { state.form = nil }
            state.status = .success("Saved \(endpoint.displayName)", now: state.now)
        }
    case .deleted(let id, let endpointID):
        state.requests[id] = nil
        let name = endpointName(state, id: endpointID)
        let position = state.list.selected
        state.changeEndpoints { $0.removeAll { $0.id == endpointID } }
        // The row that took the deleted one's place is selected, not the first.
        state.list.select(position, visibleRows: Layout(size: state.size).listRows)
        state.totalCount = max(0, (state.totalCount ?? 1) - 1)
        selectionChanged(&state)
        state.status = .success("Deleted \(name)", now: state.now)
    case .secretReset(let id, let endpoint):
        state.requests[id] = nil
        replace(&state, endpoint)
        state.freshSecretEndpointID = endpoint.id
        state.status = .sticky(
            "New secret for \(endpoint.displayName), shown in the detail: y copies it. The old one no longer works."
        )
    case .failed(let id, let error):
        failed(&state, id, error)
    case .connected, .connectionFailed:
        return handleConnection(&state, action)
    default:
        break
    }
    return []
}

func replace(_ state: inout DashboardState, _ endpoint: WebhookEndpoint) {
    state.changeEndpoints { endpoints in
        if let index = endpoints.firstIndex(where: { $0.id == endpoint.id }) {
            endpoints[index] = endpoint
        }
    }
}

func failed(_ state: inout DashboardState, _ id: RequestID, _ error: PolarError) {
    if backgroundRequestFailed(&state, id, error) { return }
    if deliveriesLoadFailed(&state, id, error) { return }
    let request = state.requests.removeValue(forKey: id)
    if id == state.loadRequest {
        state.loadRequest = nil
        state.loadReplacesList = false
        state.hasLoaded = true
        state.loadFailure = error
        state.status =
            error == .cancelled
            ? .info("Stopped loading.", now: state.now) : .error("Could not load endpoints: \(error)")
        return
    }
    if var form = state.form, form.saving == id {
        form.saving = nil
        switch error {
        case .validation(let issues):
            var elsewhere: [String] = []
            for issue in issues {
                if let field = issue.field.flatMap(FormField.init(apiField:)) {
                    let previous = form.serverErrors[field].map { $0 + "; " } ?? ""
                    form.serverErrors[field] = previous + issue.message
                } else {
                    elsewhere.append(issue.description)
                }
            }
            if let first = form.serverErrors.keys.min() { form.focus = first }
            state.status = .error(
                elsewhere.isEmpty
                    ? "The server rejected \(counted(form.serverErrors.count, "field")): see beside them."
                    : "The server rejected it: " + elsewhere.joined(separator: "; "))
        case .cancelled:
            state.status = .info(
                "Cancelled. Your input is still here (if the server got it first, r shows it).", now: state.now)
        case .notFound where !form.isCreate:
            form.endpointGone = true
            state.status = .error(
                "Not saved: the endpoint was deleted on the server. Your input is still here; Esc leaves the form.")
        default:
            state.status = .error("Not saved: \(error) Your input is still here; Ctrl-S tries again.")
        }
        state.form = form
        return
    }
    if state.firstRun?.connecting == id {
        state.firstRun?.connecting = nil
        state.firstRun?.error = error == .cancelled ? "Cancelled." : error.description
        return
    }
    // A request update already let go of (a superseded or abandoned load) ends quietly.
    guard let request else { return }
    if error == .cancelled {
        state.status = .info("Cancelled.", now: state.now)
        return
    }
    let what = request.label
    state.status = .error("\(what) failed: \(error)")
}

func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

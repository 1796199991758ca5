import PolarAPI
import TerminalUI

func handleFormKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var form = state.form else { return [] }
    defer { if state.form != nil { state.form = form } }
    if form.isEditingEventFilter { return handleEventFilterKey(&state, &form, key) }

    let command = KeyMap.command(for: key, in: form.focus.dispatchContexts)
    switch command {
    case .nextField:
        moveFocus(&form, by: 1)
    case .previousField:
        moveFocus(&form, by: -1)
    case .save:
        return submit(&state, &form)
    case .activate:
        switch form.focus {
        case .save: return submit(&state, &form)
        case .cancel: return cancelForm(&state, &form)
        default: moveFocus(&form, by: 1)
        }
    case .cancel:
        return cancelForm(&state, &form)
    case .quit:
        // Only outside text fields (there q is a letter): quit, asking first if anything changed.
        if form.hasChanges {
            state.confirmation = Confirmation(.quitWithChanges)
            return []
        }
        return quit(&state)
    case .help:
        openHelp(&state)
    case .cycleForward, .cycleBackward:
        cycleChoice(&state, &form, forward: command == .cycleForward)
    case .generateSecret:
        return [.generateSecret]
    case .toggleSecretVisibility:
        form.secretVisible.toggle()
    case .pickerDown, .pickerUp:
        let rows = pickerRows(state)
        let atEdge =
            command == .pickerUp
            ? form.events.cursor.selected == 0
            : form.events.cursor.selected >= form.events.rows.count - 1
        if atEdge, key == .up || key == .down {
            moveFocus(&form, by: command == .pickerUp ? -1 : 1)
        } else {
            form.events.move(command == .pickerUp ? .up : .down, visibleRows: rows)
        }
    case .toggleItem:
        form.events.toggleFocused()
        form.serverErrors[.events] = nil
    case .toggleAll:
        form.events.toggleAll()
        form.serverErrors[.events] = nil
    case .pickerFilter:
        form.isEditingEventFilter = true
    case .fold:
        form.events.toggleFoldFocused(visibleRows: pickerRows(state))
    default:
        editText(&form, key)
    }
    return []
}

func handleEventFilterKey(_ state: inout DashboardState, _ form: inout EndpointForm, _ key: Key)
    -> [Effect]
{
    switch KeyMap.command(for: key, in: [.filter]) {
    case .open:
        form.isEditingEventFilter = false
    case .back:
        form.isEditingEventFilter = false
        form.eventFilter = TextField()
        form.events.setFilter("", visibleRows: pickerRows(state))
    default:
        if KeyMap.command(for: key, in: [.form]) == .save { return submit(&state, &form) }
        if form.eventFilter.handle(key) == .changed {
            form.events.setFilter(form.eventFilter.text, visibleRows: pickerRows(state))
        }
    }
    return []
}

func editText(_ form: inout EndpointForm, _ key: Key) {
    switch form.focus {
    case .url:
        let before = WebhookFormat.suggested(forURL: form.url.text)
        guard form.url.handle(key) == .changed else { return }
        form.serverErrors[.url] = nil
        form.urlEdited = true
        // A Discord or Slack URL picks its format once; the user may change it back.
        if let after = WebhookFormat.suggested(forURL: form.url.text), after != before {
            form.format = after
        }
    case .name:
        if form.name.handle(key) == .changed { form.serverErrors[.name] = nil }
    case .secret:
        if form.secret.handle(key) == .changed { form.serverErrors[.secret] = nil }
    default:
        break
    }
}

func moveFocus(_ form: inout EndpointForm, by step: Int) {
    let fields = form.focusableFields
    guard let index = fields.firstIndex(of: form.focus) else {
        form.focus = fields.first ?? .url
        return
    }
    form.focus = fields[(index + step + fields.count) % fields.count]
}

func cycleChoice(_ state: inout DashboardState, _ form: inout EndpointForm, forward: Bool) {
    switch form.focus {
    case .format:
        let all = WebhookFormat.allCases
        let index = all.firstIndex(of: form.format) ?? 0
        form.format = all[(index + (forward ? 1 : all.count - 1)) % all.count]
        form.serverErrors[.format] = nil
    case .organization:
        let ids = state.organizations.map(\.id)
        guard !ids.isEmpty else { return }
        let index = form.organizationID.flatMap { ids.firstIndex(of: $0) } ?? (forward ? -1 : ids.count)
        form.organizationID = ids[(index + (forward ? 1 : -1) + ids.count) % ids.count]
        form.serverErrors[.organization] = nil
    default:
        break
    }
}

func pickerRows(_ state: DashboardState) -> Int {
    FormLayout(area: Layout(size: state.size).form).pickerRows
}

func submit(_ state: inout DashboardState, _ form: inout EndpointForm) -> [Effect] {
    if form.saving != nil {
        state.status = .info("Already saving; Esc cancels it.", now: state.now)
        return []
    }
    form.attemptedSave = true
    if let field = form.firstLocalProblem {
        form.focus = field
        let message =
            field == .organization
            ? "Choose an organization"
            : (form.message(for: field) ?? URLCheck.problem(with: form.url.text) ?? "")
        state.status = .error("Not saved: \(field.label): \(message)")
        return []
    }
    switch form.mode {
    case .create:
        let id = state.makeRequest(.create, label: "Creating endpoint")
        form.saving = id
        return [.createEndpoint(id, form.createBody())]
    case .edit(let endpoint):
        let body = form.updateBody()
        if body.isEmpty {
            state.form = nil
            state.status = .info("Nothing changed.", now: state.now)
            return []
        }
        let id = state.makeRequest(.update, label: "Saving \(endpoint.displayName)")
        form.saving = id
        return [.updateEndpoint(id, id: endpoint.id, body)]
    }
}

func cancelForm(_ state: inout DashboardState, _ form: inout EndpointForm) -> [Effect] {
    if let saving = form.saving {
        state.status = .info("Cancelling the save…", now: state.now)
        return [.cancel(saving)]
    }
    if form.hasChanges {
        state.confirmation = Confirmation(.discardForm)
    } else {
        state.form = nil
    }
    return []
}

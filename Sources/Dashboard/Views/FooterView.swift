import TerminalUI

/// The key hints for where the user is (from the key table) and the status line under them.
enum FooterView {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, hints: Rect, status: Rect) {
        let trailing = KeyMap.table.hints(for: trailingContexts(state))
        let all = KeyMap.table.hints(for: contexts(state))
        var leading = all.filter { !trailing.contains($0) }
        if state.overlays.isEmpty, case .endpoints = state.screen, state.showingDetail {
            leading.insert(KeyHint(key: "Esc", label: "back"), at: 0)
        }
        canvas.drawKeyHints(leading, trailing: trailing, in: hints)
        // A message of the moment first, then what is in flight (a save must show it is
        // running), then the notice that stays while Polar keeps an endpoint disabled.
        if let message = state.status {
            canvas.drawStatusLine(message.line, in: status)
        } else if let request = state.requests.values.min(by: { $0.id.rawValue < $1.id.rawValue }) {
            let cancel = request.kind == .loadOrganizations ? "" : " · Esc cancels"
            canvas.put(
                " \(spinnerFrame(state)) \(request.label)…\(cancel)", x: status.x, y: status.y,
                maxWidth: status.width, style: Theme.dim)
        } else if let notice = autoDisabledNotice(state) {
            canvas.drawStatusLine(notice, in: status)
        }
    }

    static func contexts(_ state: DashboardState) -> [KeyContext] { state.activeKeyContexts }

    /// Stays while Polar keeps an endpoint disabled: which one, and the key that turns it back on.
    static func autoDisabledNotice(_ state: DashboardState) -> StatusLine? {
        let names = state.live.autoDisabled.map { endpointName(state, id: $0) }
        guard let first = names.first else { return nil }
        let text =
            names.count == 1
            ? "Polar disabled \(first) after 10 failed events in a row: select it and press t to enable it again."
            : "Polar disabled \(counted(names.count, "endpoint")) after 10 failed events in a row (\(names.joined(separator: ", "))): t enables the selected one."
        return StatusLine(text, kind: .error)
    }

    /// Help and quit stay visible on a narrow screen; other hints give way first.
    static func trailingContexts(_ state: DashboardState) -> [KeyContext] {
        guard state.overlays.isEmpty else { return [] }
        switch state.screen {
        case .firstRun, .form: return []
        case .deliveries(let deliveries):
            return deliveries.isEditingSearch || deliveries.typePicker != nil ? [] : [.global]
        case .endpoints: return state.isEditingFilter ? [] : [.global]
        }
    }
}

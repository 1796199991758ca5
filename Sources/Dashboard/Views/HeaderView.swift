import TerminalText
import TerminalUI

/// The top row: app name, environment badge, organization and token kind; counts on the right.
enum HeaderView {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        var x = rect.x + 1
        x += canvas.put("polar-hooks", x: x, y: rect.y, style: Theme.title) + 1
        x +=
            canvas.put(
                " \(state.environment.badge) ", x: x, y: rect.y, style: Theme.badge(for: state.environment))
            + 1
        let organization: String
        if let name = state.organizationName {
            organization = name
        } else if state.organizations.count > 1 {
            organization = "\(state.organizations.count) organizations"
        } else {
            organization = ""
        }
        let who = [organization, state.tokenKind.label].filter { !$0.isEmpty }.joined(separator: " · ")
        let right = countText(state) + liveText(state)
        let rightWidth = DisplayWidth.of(right)
        canvas.put(who, x: x, y: rect.y, maxWidth: max(0, rect.maxX - x - rightWidth - 3))
        canvas.put(right, x: rect.maxX - rightWidth - 1, y: rect.y, style: Theme.dim)
    }

    /// ` · updated 14:03`, or ` · offline · retrying in 8 s` when the server cannot be reached.
    static func liveText(_ state: DashboardState) -> String {
        guard state.live.isOn else { return "" }
        if let offline = state.live.offline {
            let seconds = max(1, Int(offline.retryAt.timeIntervalSince(state.now).rounded(.up)))
            return " · offline · retrying in \(seconds) s"
        }
        guard let fetched = state.live.lastFetched else { return "" }
        return " · updated " + TimeText.absolute(fetched, in: state.timeZone).suffix(5)
    }

    static func countText(_ state: DashboardState) -> String {
        let loaded = state.endpoints.count
        if state.loadRequest != nil, let total = state.totalCount, total > loaded {
            return "\(loaded) of \(total) endpoints"
        }
        if state.loadRequest != nil, !state.hasLoaded { return "loading…" }
        if state.loadFailure != nil, state.endpoints.isEmpty { return "not loaded" }
        if !state.filter.isEmpty || state.organizationFilter != nil {
            return "\(state.visible.count) of \(counted(loaded, "endpoint"))"
        }
        return counted(loaded, "endpoint")
    }
}

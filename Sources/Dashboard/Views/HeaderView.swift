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
        let right = countText(state)
        let rightWidth = DisplayWidth.of(right)
        canvas.put(who, x: x, y: rect.y, maxWidth: max(0, rect.maxX - x - rightWidth - 3))
        canvas.put(right, x: rect.maxX - rightWidth - 1, y: rect.y, style: Theme.dim)
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

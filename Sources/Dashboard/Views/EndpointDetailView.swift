import FoundationEssentials
import PolarAPI
import TerminalText
import TerminalUI

/// Every field of the selected endpoint. The secret is masked until `s`, or shown once
/// right after create or reset.
enum EndpointDetailView {
    struct Line {
        var label: String
        var value: String
        var style: Style = .plain
        var note: String = ""
        var noteStyle: Style = Theme.dim
    }

    static let labelWidth = 10

    static func draw(_ state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        let focused = state.focus == .detail
        guard let endpoint = state.selectedEndpoint else {
            canvas.box(rect, title: "Detail", style: Theme.border)
            return
        }
        canvas.box(
            rect, title: endpoint.displayName, style: focused ? Theme.focusedBorder : Theme.border)
        let inner = rect.inset(by: 1)
        guard inner.width > labelWidth + 4 else { return }
        let lines = self.lines(for: endpoint, state: state, width: inner.width - labelWidth - 1)
        let start = min(state.detailScroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + row
            canvas.put(line.label, x: inner.x + 1, y: y, maxWidth: labelWidth - 1, style: Theme.label)
            let used = canvas.put(
                line.value, x: inner.x + labelWidth, y: y, maxWidth: inner.width - labelWidth - 1,
                style: line.style)
            if !line.note.isEmpty {
                canvas.put(
                    line.note, x: inner.x + labelWidth + used + 2, y: y,
                    maxWidth: max(0, inner.maxX - (inner.x + labelWidth + used + 2) - 1),
                    style: line.noteStyle)
            }
        }
        if lines.count - start > inner.height {
            canvas.put(" more ↓ ", x: rect.maxX - 9, y: rect.maxY - 1, style: Theme.dim)
        }
    }

    static func lines(for endpoint: WebhookEndpoint, state: DashboardState, width: Int) -> [Line] {
        var lines: [Line] = []
        lines.append(Line(label: "URL", value: endpoint.url))
        lines.append(
            Line(label: "Name", value: endpoint.name?.isEmpty == false ? endpoint.name ?? "" : "—"))
        lines.append(Line(label: "ID", value: endpoint.id, style: Theme.dim))
        lines.append(
            Line(
                label: "Status", value: endpoint.enabled ? "● enabled" : "○ disabled",
                style: endpoint.enabled ? Theme.enabled : Theme.disabled,
                note: "Format  \(endpoint.format.rawValue)", noteStyle: .plain))
        if state.live.isOn { lines += healthLines(for: endpoint, state: state) }
        lines.append(Line(label: "Payloads", value: "API version \(endpoint.apiVersion.rawValue)"))
        lines.append(
            Line(
                label: "Signing",
                value: endpoint.usesStandardWebhookSignature ? "Standard Webhooks" : "Legacy",
                note: endpoint.usesStandardWebhookSignature
                    ? "base64 key after whsec_" : "UTF-8 bytes of the whole secret"))
        lines.append(secretLine(endpoint, state: state))
        let organization =
            state.organizationName(id: endpoint.organizationId) ?? endpoint.organizationId
        lines.append(Line(label: "Org", value: organization))
        lines.append(
            Line(
                label: "Created", value: TimeText.absolute(endpoint.createdAt, in: state.timeZone),
                note: TimeText.relative(endpoint.createdAt, now: state.now, in: state.timeZone)))
        lines.append(
            Line(
                label: "Modified",
                value: endpoint.modifiedAt.map { TimeText.absolute($0, in: state.timeZone) } ?? "—"))
        let known = WebhookEventCatalog.allTypes.count
        lines.append(Line(label: "Events", value: "\(endpoint.events.count) of \(known)"))
        lines += eventLines(endpoint.events, width: width)
        return lines
    }

    /// Health: the state, the last success and failure, the day's counts and its hours.
    static func healthLines(for endpoint: WebhookEndpoint, state: DashboardState) -> [Line] {
        guard let health = state.live.health[endpoint.id] else {
            return [Line(label: "Health", value: "…", style: Theme.dim, note: "reading its deliveries")]
        }
        var lines = [
            Line(
                label: "Health", value: health.label, style: HealthText.style(health.state),
                note: health.state == .autoDisabled ? "t re-enables it" : "")
        ]
        func when(_ date: Date) -> String {
            TimeText.absolute(date, in: state.timeZone)
                + (TimeText.ago(date, now: state.now).map { " (\($0))" } ?? "")
        }
        lines.append(
            Line(
                label: "Success", value: health.lastSuccessAt.map(when) ?? "none in the recent deliveries",
                style: health.lastSuccessAt == nil ? Theme.dim : .plain))
        if let failure = health.lastFailure {
            let answer = failure.httpCode.map { "HTTP \($0)" } ?? "no answer"
            lines.append(
                Line(
                    label: "Failure", value: "\(answer) · \(when(failure.at))",
                    note: failure.firstLine.map { "“\($0)”" } ?? ""))
        }
        lines.append(
            Line(
                label: "24 h",
                value: "\(health.day.succeeded) ok · \(health.day.failed) failed · \(health.day.pending) pending",
                note: "events"))
        if health.hours.allSatisfy({ $0.succeeded == 0 && $0.failed == 0 }) {
            lines.append(Line(label: "", value: "no attempts in the last 24 hours", style: Theme.dim))
        } else {
            let (succeeded, failed) = HealthText.sparklines(health)
            lines.append(Line(label: "", value: succeeded, style: Theme.success, note: "ok per hour"))
            lines.append(Line(label: "", value: failed, style: Theme.error, note: "failed per hour"))
        }
        return lines
    }

    static func secretLine(_ endpoint: WebhookEndpoint, state: DashboardState) -> Line {
        if state.freshSecretEndpointID == endpoint.id {
            return Line(
                label: "Secret", value: endpoint.secret, style: Theme.warning, note: "y copy · shown once",
                noteStyle: Theme.warning)
        }
        if state.secretRevealed {
            return Line(label: "Secret", value: endpoint.secret, note: "s hide · y copy")
        }
        return Line(label: "Secret", value: masked(endpoint.secret), note: "s show · y copy")
    }

    /// `whsec_••••••••`: the prefix says what kind of secret it is, nothing more.
    static func masked(_ secret: String) -> String {
        let prefix = secret.hasPrefix("whsec_") ? "whsec_" : ""
        return prefix + String(repeating: "•", count: 8)
    }

    /// One line per group: `Order  created paid refunded`, wrapped under itself.
    static func eventLines(_ events: [WebhookEventType], width: Int) -> [Line] {
        var lines: [Line] = []
        let chosen = Set(events)
        var groups: [(String, [String])] = WebhookEventCatalog.groups.compactMap { group in
            let actions = group.types.filter { chosen.contains($0) }.map { String($0.action) }
            return actions.isEmpty ? nil : (group.name, actions)
        }
        let unknown = events.filter { !$0.isKnown }.map(\.rawValue)
        if !unknown.isEmpty { groups.append(("Other", unknown)) }
        let nameWidth = min(14, (groups.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        for (name, actions) in groups {
            let text = actions.joined(separator: " ")
            let wrapped = TextWrap.lines(text, width: max(8, width - nameWidth))
            for (index, part) in wrapped.enumerated() {
                let label = index == 0 ? name : ""
                let padded =
                    label + String(repeating: " ", count: max(1, nameWidth - DisplayWidth.of(label)))
                lines.append(Line(label: "", value: padded + part))
            }
        }
        return lines
    }
}

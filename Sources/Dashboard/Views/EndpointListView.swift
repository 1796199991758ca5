import PolarAPI
import TerminalText
import TerminalUI

/// The endpoint list: a dot for enabled or not, the name (or URL), format and event count,
/// and in a full-width pane how long ago it was created.
enum EndpointListView {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        let focused = state.focus == .list && !state.isEditingFilter
        let title =
            state.filter.isEmpty
            ? "Endpoints" : "Endpoints \(state.visible.count)/\(state.endpoints.count)"
        canvas.box(
            rect, title: title,
            style: focused || state.isEditingFilter ? Theme.focusedBorder : Theme.border)
        drawFilter(state, into: &canvas, in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        if state.visible.isEmpty {
            drawEmpty(state, into: &canvas, in: inner)
            return
        }
        let columns = Columns(width: inner.width, showsHealth: state.live.isOn)
        let range = state.list.visibleRange(rows: inner.height)
        for (line, row) in range.enumerated() {
            let endpoint = state.endpoints[state.visible[row]]
            let y = inner.y + line
            let isSelected = row == state.list.selected
            let style = isSelected ? (focused ? Theme.selected : Theme.selectedUnfocused) : Style.plain
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            canvas.put(
                endpoint.enabled ? "●" : "○", x: inner.x, y: y,
                style: isSelected ? style : (endpoint.enabled ? Theme.enabled : Theme.disabled))
            var x = inner.x + 2
            canvas.put(endpoint.displayName, x: x, y: y, width: columns.name, style: style)
            x += columns.name + 1
            if columns.showsFormat {
                canvas.put(endpoint.format.rawValue, x: x, y: y, width: 7, style: style)
                canvas.put(String(endpoint.events.count), x: x + 7, y: y, width: 3, alignRight: true, style: style)
                x += Columns.format
            }
            if columns.showsHealth {
                drawHealth(
                    state.live.health[endpoint.id], into: &canvas, x: x + 1, y: y, selected: isSelected ? style : nil)
            }
            if columns.showsAge {
                canvas.put(
                    TimeText.relative(endpoint.createdAt, now: state.now, in: state.timeZone), x: inner.maxX - 10,
                    y: y, width: 10, alignRight: true, style: isSelected ? style : Theme.dim)
            }
        }
        if range.upperBound < state.visible.count || range.lowerBound > 0 {
            let position = " \(state.list.selected + 1)/\(state.visible.count) "
            canvas.put(
                position, x: rect.maxX - 1 - DisplayWidth.of(position), y: rect.maxY - 1, style: Theme.dim)
        }
    }

    /// The health label and the strip of the last ten events; `…` until the first reading.
    static func drawHealth(
        _ health: EndpointHealth?, into canvas: inout Canvas, x: Int, y: Int, selected: Style?
    ) {
        guard let health else {
            canvas.put("…", x: x, y: y, style: selected ?? Theme.dim)
            return
        }
        canvas.put(
            HealthText.shortLabel(health), x: x, y: y, width: 13, style: selected ?? HealthText.style(health.state))
        HealthText.drawStrip(health, into: &canvas, x: x + 14, y: y, width: 10, plain: selected)
    }

    /// Which columns fit beside the name: health when it is watched, then format and event
    /// count, then age; the name keeps at least ``minimumName`` columns.
    struct Columns {
        /// Each block's width, the gap before it included.
        static let format = 11
        static let health = 25
        static let age = 11
        static let minimumName = 16

        let showsHealth: Bool
        let showsFormat: Bool
        let showsAge: Bool
        let name: Int

        init(width: Int, showsHealth wantsHealth: Bool) {
            guard wantsHealth else {
                showsHealth = false
                showsFormat = true
                showsAge = width >= 56
                name = width - 2 - Self.format - 1 - (showsAge ? Self.age : 0)
                return
            }
            var room = width - 2 - 1
            showsHealth = room - Self.health >= Self.minimumName
            if showsHealth { room -= Self.health }
            showsFormat = room - Self.format >= Self.minimumName
            if showsFormat { room -= Self.format }
            showsAge = room - Self.age >= Self.minimumName
            if showsAge { room -= Self.age }
            name = max(1, room)
        }
    }

    static func drawFilter(_ state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        guard state.isEditingFilter || !state.filter.isEmpty else { return }
        let y = rect.maxY - 1
        canvas.put(" /", x: rect.x + 1, y: y, style: Theme.title)
        let field = Rect(x: rect.x + 3, y: y, width: min(30, rect.width - 16), height: 1)
        if state.isEditingFilter {
            canvas.drawTextField(state.filter, in: field, focused: true)
        } else {
            canvas.put(state.filter.text + " ", x: field.x, y: y, maxWidth: field.width)
        }
    }

    static func drawEmpty(_ state: DashboardState, into canvas: inout Canvas, in inner: Rect) {
        let message: String
        var style = Theme.dim
        if !state.hasLoaded {
            message = "\(spinnerFrame(state)) Loading endpoints…"
            style = .plain
        } else if let failure = state.loadFailure, state.endpoints.isEmpty {
            // Never "no endpoints": the list is empty because it could not be read.
            message =
                failure == .cancelled
                ? "The endpoints were not loaded (stopped).\n\nr loads them."
                : "Could not load the endpoints: \(Sanitizer.clean(failure.description))\n\nr tries again."
            style = Theme.error
        } else if !state.filter.isEmpty {
            message = "Nothing matches “\(state.filter.text)”. Esc clears the filter."
        } else if state.organizationFilter != nil {
            message = "No endpoints in this organization. o shows the next."
        } else {
            message = "No endpoints yet. n creates one."
        }
        for (index, line) in TextWrap.lines(message, width: inner.width - 2).prefix(inner.height)
            .enumerated()
        {
            canvas.put(line, x: inner.x + 1, y: inner.y + 1 + index, style: style)
        }
    }
}

/// The spinner frame for the state's clock: ten frames a second.
func spinnerFrame(_ state: DashboardState) -> String {
    Spinner.frame(at: Int((state.now.timeIntervalSinceReferenceDate * 10).rounded(.down)))
}

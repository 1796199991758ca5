import PolarAPI
import TerminalText
import TerminalUI

/// The deliveries of one endpoint, newest first: HTTP status, event type, when it was sent
/// and the delivery id, with the filters in the box title.
enum DeliveriesView {
    static func draw(_ browser: DeliveriesState, state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        let summary = browser.filterSummary
        let count = browser.hasLoaded ? " (\(browser.totalCount))" : ""
        let title =
            "Deliveries of \(Sanitizer.clean(browser.endpointName))\(count)" + (summary.isEmpty ? "" : " · \(summary)")
        canvas.box(rect, title: title, style: browser.isEditingSearch ? Theme.border : Theme.focusedBorder)
        drawSearch(browser, into: &canvas, in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 20, inner.height > 1 else { return }
        let columns = Columns(width: inner.width - 2)
        drawHeader(columns, into: &canvas, x: inner.x + 1, y: inner.y)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        if browser.deliveries.isEmpty {
            drawEmpty(browser, state: state, into: &canvas, in: body)
            drawTypePicker(browser, into: &canvas, in: rect)
            return
        }
        let range = browser.list.visibleRange(rows: body.height)
        for (line, row) in range.enumerated() {
            let delivery = browser.deliveries[row]
            let y = body.y + line
            let isSelected = row == browser.list.selected
            let style = isSelected ? (browser.isEditingSearch ? Theme.selectedUnfocused : Theme.selected) : Style.plain
            canvas.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style)
            // Arrived while the browser was open, and the cursor has not been there yet.
            if browser.newIDs.contains(delivery.id) {
                canvas.put("•", x: body.x, y: y, style: isSelected ? style : Theme.warning)
            }
            var x = body.x + 1
            canvas.put(
                statusText(delivery), x: x, y: y, width: Columns.status,
                style: isSelected ? style : statusStyle(delivery))
            x += Columns.status + 1
            canvas.put(delivery.webhookEvent.type.rawValue, x: x, y: y, width: columns.type, style: style)
            x += columns.type + 1
            if columns.showsAbsolute {
                canvas.put(
                    TimeText.absolute(delivery.createdAt, in: state.timeZone), x: x, y: y, width: Columns.absolute,
                    style: style)
                x += Columns.absolute + 1
            }
            canvas.put(
                TimeText.relative(delivery.createdAt, now: state.now, in: state.timeZone), x: x, y: y,
                width: Columns.relative, style: isSelected ? style : Theme.dim)
            x += Columns.relative + 1
            canvas.put(shortID(delivery.id), x: x, y: y, width: Columns.id, style: isSelected ? style : Theme.dim)
        }
        let position = " \(browser.list.selected + 1)/\(browser.totalCount) "
        if browser.totalCount > body.height || browser.hasMore {
            canvas.put(
                position, x: rect.maxX - 1 - DisplayWidth.of(position), y: rect.maxY - 1, style: Theme.dim)
        }
        drawTypePicker(browser, into: &canvas, in: rect)
    }

    /// `T`'s picker, over the list while it is open.
    static func drawTypePicker(_ browser: DeliveriesState, into canvas: inout Canvas, in rect: Rect) {
        DeliveriesTypePickerView.draw(browser, into: &canvas, in: rect)
    }

    /// Column widths; the event type takes what is left.
    struct Columns {
        static let status = 6
        static let absolute = 16
        static let relative = 10
        static let id = 8
        let type: Int
        let showsAbsolute: Bool

        init(width: Int) {
            let fixed = Self.status + Self.relative + Self.id + 3
            showsAbsolute = width - fixed - Self.absolute - 1 >= 28
            type = max(4, width - fixed - (showsAbsolute ? Self.absolute + 1 : 0))
        }
    }

    static func drawHeader(_ columns: Columns, into canvas: inout Canvas, x: Int, y: Int) {
        var x = x
        canvas.put("Status", x: x, y: y, width: Columns.status, style: Theme.label)
        x += Columns.status + 1
        canvas.put("Event type", x: x, y: y, width: columns.type, style: Theme.label)
        x += columns.type + 1
        if columns.showsAbsolute {
            canvas.put("Sent at", x: x, y: y, width: Columns.absolute, style: Theme.label)
            x += Columns.absolute + 1
        }
        canvas.put(columns.showsAbsolute ? "" : "Sent", x: x, y: y, width: Columns.relative, style: Theme.label)
        x += Columns.relative + 1
        canvas.put("ID", x: x, y: y, width: Columns.id, style: Theme.label)
    }

    static func drawSearch(_ browser: DeliveriesState, into canvas: inout Canvas, in rect: Rect) {
        guard browser.isEditingSearch else { return }
        let y = rect.maxY - 1
        canvas.put(" /", x: rect.x + 1, y: y, style: Theme.title)
        let field = Rect(x: rect.x + 3, y: y, width: min(30, rect.width - 16), height: 1)
        canvas.drawTextField(browser.search, in: field, focused: true)
    }

    static func drawEmpty(
        _ browser: DeliveriesState, state: DashboardState, into canvas: inout Canvas, in body: Rect
    ) {
        let message: String
        if !browser.hasLoaded {
            message = "\(spinnerFrame(state)) Loading deliveries…"
        } else if !browser.filterSummary.isEmpty {
            message = "No deliveries match these filters. f, c, T and / change them."
        } else {
            message = "No deliveries yet: Polar has sent this endpoint nothing."
        }
        for (index, line) in TextWrap.lines(message, width: body.width - 2).prefix(body.height).enumerated() {
            canvas.put(line, x: body.x + 1, y: body.y + 1 + index, style: browser.hasLoaded ? Theme.dim : .plain)
        }
    }

    /// The HTTP code, or "failed" when the endpoint never answered.
    static func statusText(_ delivery: WebhookDelivery) -> String {
        delivery.httpCode.map(String.init) ?? "failed"
    }

    /// Green for 2xx, red for anything else.
    static func statusStyle(_ delivery: WebhookDelivery) -> Style {
        if let code = delivery.httpCode, (200..<300).contains(code) { return Theme.success }
        return Theme.error
    }

    /// Enough of an id to tell rows apart; the detail shows it whole.
    static func shortID(_ id: String) -> String {
        String(Sanitizer.clean(id).prefix(Columns.id))
    }
}

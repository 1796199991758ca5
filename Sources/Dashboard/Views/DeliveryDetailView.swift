import PolarAPI
import TerminalText
import TerminalUI
import TextTools

/// One delivery in full: ids, times, the payload (pretty-printed when it is JSON) and the
/// receiver's answer. Everything from the network goes through the Sanitizer.
enum DeliveryDetailView {
    static let labelWidth = 10

    static func draw(_ browser: DeliveriesState, state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        guard let texts = browser.detail else {
            canvas.box(rect, title: "Delivery", style: Theme.border)
            return
        }
        let delivery = texts.delivery
        let event = delivery.webhookEvent
        canvas.box(rect, title: "Delivery · \(event.type.rawValue)", style: Theme.focusedBorder)
        let inner = rect.inset(by: 1)
        guard inner.width > labelWidth + 4, inner.height > 0 else { return }
        let lines = self.lines(for: delivery, texts: texts, state: state, width: inner.width - 2)
        let start = min(browser.detailScroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            canvas.put(line.text, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2, style: line.style)
        }
        if lines.count > inner.height {
            let position = " \(start + 1)–\(min(lines.count, start + inner.height))/\(lines.count) "
            canvas.put(
                position, x: rect.maxX - 1 - DisplayWidth.of(position), y: rect.maxY - 1, style: Theme.dim)
        }
    }

    struct Line {
        var text: String
        var style: Style = .plain
    }

    static func lines(for delivery: WebhookDelivery, texts: DeliveryDetailText, state: DashboardState, width: Int)
        -> [Line]
    {
        let event = delivery.webhookEvent
        func field(_ label: String, _ value: String) -> Line {
            Line(text: label.padded(toLength: labelWidth) + value)
        }
        // "(2m ago)" while that helps; an old delivery's date says it all.
        let sent =
            TimeText.absolute(delivery.createdAt, in: state.timeZone)
            + (TimeText.ago(delivery.createdAt, now: state.now).map { " (\($0))" } ?? "")
        let outcome = delivery.succeeded ? "succeeded" : "failed"
        var lines: [Line] = [
            field("Status", "\(DeliveriesView.statusText(delivery)) · \(outcome)"),
            field("Event", Sanitizer.clean(event.id)),
            field("Delivery", Sanitizer.clean(delivery.id)),
            field("Event at", TimeText.absolute(event.createdAt, in: state.timeZone)),
            field("Sent at", sent),
            Line(text: ""),
            Line(text: "Payload", style: Theme.title),
        ]
        if let payload = texts.payload {
            lines += cut(payload, width: width).map { Line(text: $0) }
        } else {
            lines.append(Line(text: "Archived event: payload removed after 90 days", style: Theme.dim))
        }
        lines.append(Line(text: ""))
        if texts.responseIsPolarsNote {
            lines.append(Line(text: "Polar's note on the failure", style: Theme.title))
            let why =
                delivery.httpCode == nil
                ? "No HTTP answer came; Polar stored this instead of a body:"
                : "The receiver sent no body; Polar stored this instead:"
            lines.append(Line(text: why, style: Theme.dim))
        } else {
            lines.append(Line(text: "Response", style: Theme.title))
        }
        if let response = texts.response {
            lines += cut(response, width: width).map { Line(text: $0) }
        } else {
            lines.append(Line(text: "(empty body)", style: Theme.dim))
        }
        return lines
    }

    /// Sanitized lines no wider than `width`, indentation kept (long lines continue below).
    static func cut(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for line in Sanitizer.clean(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var used = 0
            for character in line {
                let characterWidth = DisplayWidth.of(String(character))
                if used + characterWidth > width, !current.isEmpty {
                    result.append(current)
                    current = ""
                    used = 0
                }
                current.append(character)
                used += characterWidth
            }
            result.append(current)
        }
        return result
    }
}

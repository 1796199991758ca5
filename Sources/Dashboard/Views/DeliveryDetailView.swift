import Foundation
import PolarAPI
import TerminalUI

/// One delivery in full: ids, times, the payload (pretty-printed when it is JSON) and the
/// receiver's answer. Everything from the network goes through the Sanitizer.
enum DeliveryDetailView {
    static let labelWidth = 10

    static func draw(_ browser: DeliveriesState, state: DashboardState, into canvas: inout Canvas, in rect: Rect) {
        guard let delivery = browser.selected else {
            canvas.box(rect, title: "Delivery", style: Theme.border)
            return
        }
        let event = delivery.webhookEvent
        canvas.box(rect, title: "Delivery · \(event.type.rawValue)", style: Theme.focusedBorder)
        let inner = rect.inset(by: 1)
        guard inner.width > labelWidth + 4, inner.height > 0 else { return }
        let lines = self.lines(for: delivery, state: state, width: inner.width - 2)
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

    static func lines(for delivery: WebhookDelivery, state: DashboardState, width: Int) -> [Line] {
        let event = delivery.webhookEvent
        func field(_ label: String, _ value: String) -> Line {
            Line(text: label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + value)
        }
        let sent =
            TimeText.absolute(delivery.createdAt, in: state.timeZone) + " ("
            + TimeText.relative(delivery.createdAt, now: state.now, in: state.timeZone) + ")"
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
        if event.isArchived || event.payload == nil {
            lines.append(Line(text: "Archived event: payload removed after 90 days", style: Theme.dim))
        } else if let payload = event.payload {
            lines += cut(prettyJSON(payload) ?? payload, width: width).map { Line(text: $0) }
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: "Response", style: Theme.title))
        if let response = delivery.response, !response.isEmpty {
            lines += cut(prettyJSON(response) ?? response, width: width).map { Line(text: $0) }
        } else {
            lines.append(Line(text: "(empty body)", style: Theme.dim))
        }
        return lines
    }

    /// `text` indented as JSON, or nil when it is not JSON.
    static func prettyJSON(_ text: String) -> String? {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            object is [String: Any] || object is [Any],
            let pretty = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: pretty, as: UTF8.self)
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

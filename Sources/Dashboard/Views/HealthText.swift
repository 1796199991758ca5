import FoundationEssentials
import PolarAPI
import TerminalUI

/// How health reads on screen: the state's words and style, the strip of the last ten
/// events (a shape for each, so it reads without colour), and the hourly sparklines.
enum HealthText {
    /// `ok`, `failing 3/10`, `auto-disabled`, `disabled`, `idle` (the list's column).
    static func shortLabel(_ health: EndpointHealth) -> String {
        health.state == .failing
            ? "failing \(min(health.consecutiveFailures, EndpointHealth.failureThreshold))/\(EndpointHealth.failureThreshold)"
            : health.state.rawValue
    }

    static func style(_ state: EndpointHealth.State) -> Style {
        switch state {
        case .ok: Theme.success
        case .failing: Theme.warning
        case .autoDisabled: Theme.error
        case .disabled, .idle: Theme.dim
        }
    }

    static func glyph(_ mark: EndpointHealth.Mark) -> (String, Style) {
        switch mark {
        case .succeeded: ("▪", Theme.success)
        case .failed: ("✗", Theme.error)
        case .retrying: ("↻", Theme.warning)
        case .pending: ("·", Theme.dim)
        case .skipped: ("–", Theme.dim)
        }
    }

    /// Draws the strip oldest to newest, ending at `x + width`, so the newest event is always
    /// in the same column.
    static func drawStrip(
        _ health: EndpointHealth, into canvas: inout Canvas, x: Int, y: Int, width: Int, plain: Style?
    ) {
        let marks = Array(health.strip.prefix(width).reversed())
        var column = x + width - marks.count
        for mark in marks {
            let (text, style) = glyph(mark)
            canvas.put(text, x: column, y: y, style: plain ?? style)
            column += 1
        }
    }

    private static let rising = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    private static let hanging = [" ", "▔", "▔", "▀", "▀", "▀", "█", "█", "█"]

    /// The attempts per hour of the last day, oldest first: succeeded rising from a baseline,
    /// failed hanging from one, both scaled to the busiest hour.
    static func sparklines(_ health: EndpointHealth) -> (succeeded: String, failed: String) {
        let peak = max(1, health.hours.map { max($0.succeeded, $0.failed) }.max() ?? 1)
        func level(_ count: Int) -> Int { count == 0 ? 0 : max(1, Int((Double(count) / Double(peak) * 8).rounded())) }
        return (
            health.hours.map { rising[level($0.succeeded)] }.joined(),
            health.hours.map { hanging[level($0.failed)] }.joined()
        )
    }
}

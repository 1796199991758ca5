import FoundationEssentials
import PolarAPI
import PolarJSON
import TerminalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `health --watch` prints after each round.
///
/// - `--json`: one line for each endpoint whose health object changed (all of them the first
///   time); problems and warnings on stderr when they change.
/// - a terminal: the status line, the warnings and the table, redrawn in place.
/// - otherwise (a pipe, a log file): the status line, the warnings and the table again
///   whenever an endpoint's health changed (not merely the ages shown).
struct HealthWatchDisplay {
    /// One round's result.
    struct Frame {
        var rows: [HealthText.Row]
        var now: Date
        /// When data last came in.
        var fetchedAt: Date?
        /// Why the last round failed, if it did.
        var problem: String?
        /// What could not be read (endpoints, deliveries), in words.
        var warnings: [String]
        /// When the next round starts.
        var nextRound: Date
        /// The interval and the budget, in words.
        var settings: String
    }

    let console: Console
    let json: Bool
    private var printedJSON: [String: String] = [:]
    private var lastProblem: String?
    private var lastWarnings: [String] = []
    /// What the last table printed to a pipe showed, as the JSON objects it stands for.
    private var lastPrinted: [String]?
    private var screen = InPlaceScreen()

    init(console: Console, json: Bool) {
        self.console = console
        self.json = json
    }

    mutating func show(_ frame: Frame) {
        defer {
            lastProblem = frame.problem
            lastWarnings = frame.warnings
        }
        if json {
            showJSON(frame)
            return
        }
        let table =
            frame.rows.isEmpty
            ? StyledText(frame.fetchedAt == nil ? "Fetching…" : "No webhook endpoints.")
            : HealthText.table(frame.rows, now: frame.now)
        let status = statusLine(frame)
        if console.stdoutIsTerminal {
            screen.draw(status + "\n\n" + table, color: console.usesColor)
            return
        }
        let shown = frame.rows.map { row in
            row.health.map { HealthJSON.object(row.endpoint, $0).serialized() } ?? row.endpoint.id
        }
        if shown != lastPrinted || frame.problem != lastProblem || frame.warnings != lastWarnings {
            console.print(status + "\n\n" + table + "\n")
            lastPrinted = shown
        }
    }

    private mutating func showJSON(_ frame: Frame) {
        for row in frame.rows {
            guard let health = row.health else { continue }
            let line = HealthJSON.object(row.endpoint, health).serialized()
            if printedJSON[row.endpoint.id] != line {
                console.printJSON(line)
                printedJSON[row.endpoint.id] = line
            }
        }
        if let problem = frame.problem, problem != lastProblem { console.warn(problem) }
        for warning in frame.warnings where !lastWarnings.contains(warning) { console.warn(warning) }
    }

    private func statusLine(_ frame: Frame) -> StyledText {
        let count = frame.rows.count
        let title =
            frame.fetchedAt == nil && count == 0
            ? "Health of webhook endpoints" : "Health of \(count) endpoint\(count == 1 ? "" : "s")"
        var line = StyledText(title, style: .bold)
        if let fetchedAt = frame.fetchedAt { line += " · fetched \(TimeText.short(fetchedAt)) UTC" }
        line += " · \(frame.settings) · Ctrl-C stops"
        if let problem = frame.problem {
            let wait = max(Int(frame.nextRound.timeIntervalSince(frame.now).rounded(.up)), 0)
            line += "\n" + StyledText("\(problem) · retrying in \(wait) s", style: .yellow)
        }
        for warning in frame.warnings {
            line += "\n" + StyledText("warning: " + warning, style: .yellow)
        }
        return line
    }
}

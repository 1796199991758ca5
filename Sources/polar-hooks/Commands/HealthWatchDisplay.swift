import Foundation
import PolarAPI
import TerminalText

/// What `health --watch` prints after each round.
///
/// - `--json`: one line for each endpoint whose health object changed (all of them the first
///   time), and problems on stderr when they change.
/// - a terminal: the status line and the table, redrawn in place.
/// - otherwise (a pipe, a log file): the status line and the table again whenever an
///   endpoint's health changed (not merely the ages shown).
struct HealthWatchDisplay {
    let console: Console
    let json: Bool
    private var printedJSON: [String: String] = [:]
    private var lastProblem: String?
    /// What the last table printed to a pipe showed, as the JSON objects it stands for.
    private var lastPrinted: [String]?
    private var screen = InPlaceScreen()

    init(console: Console, json: Bool) {
        self.console = console
        self.json = json
    }

    /// One round's result. `fetchedAt`: when data last came in; `problem`: why the last round
    /// failed, if it did; `nextRound`: when the next one starts.
    mutating func show(
        _ rows: [HealthText.Row], now: Date, fetchedAt: Date?, problem: String?, nextRound: Date,
        settings: String
    ) {
        if json {
            showJSON(rows, problem: problem)
            return
        }
        let table =
            rows.isEmpty
            ? StyledText(fetchedAt == nil ? "Fetching…" : "No webhook endpoints.") : HealthText.table(rows, now: now)
        let status = statusLine(
            count: rows.count, fetchedAt: fetchedAt, problem: problem, nextRound: nextRound, now: now,
            settings: settings)
        if console.stdoutIsTerminal {
            screen.draw(status + "\n\n" + table, color: console.usesColor)
        } else {
            let shown = rows.map { row in
                row.health.map { HealthJSON.object(row.endpoint, $0).serialized() } ?? row.endpoint.id
            }
            if shown != lastPrinted || problem != lastProblem {
                console.print(status + "\n\n" + table + "\n")
                lastPrinted = shown
            }
        }
        lastProblem = problem
    }

    private mutating func showJSON(_ rows: [HealthText.Row], problem: String?) {
        for row in rows {
            guard let health = row.health else { continue }
            let line = HealthJSON.object(row.endpoint, health).serialized()
            if printedJSON[row.endpoint.id] != line {
                console.printJSON(line)
                printedJSON[row.endpoint.id] = line
            }
        }
        if let problem, problem != lastProblem { console.warn(problem) }
        lastProblem = problem
    }

    private func statusLine(
        count: Int, fetchedAt: Date?, problem: String?, nextRound: Date, now: Date, settings: String
    ) -> StyledText {
        let title =
            fetchedAt == nil && count == 0
            ? "Health of webhook endpoints" : "Health of \(count) endpoint\(count == 1 ? "" : "s")"
        var line = StyledText(title, style: .bold)
        if let fetchedAt { line += " · fetched \(TimeText.short(fetchedAt)) UTC" }
        line += " · \(settings) · Ctrl-C stops"
        if let problem {
            let wait = max(Int(nextRound.timeIntervalSince(now).rounded(.up)), 0)
            line += "\n" + StyledText("\(problem) · retrying in \(wait) s", style: .yellow)
        }
        return line
    }
}

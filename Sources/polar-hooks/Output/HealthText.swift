import FoundationEssentials
import PolarAPI
import TerminalText

/// `health` as text: a table of endpoints and, under it, the last failure of each one that is
/// failing or auto-disabled (what a cron mail needs to say).
enum HealthText {
    /// One endpoint and its health; the health is nil until its deliveries have been fetched
    /// (under `--watch` the request budget may not reach every endpoint in the first round).
    struct Row: Equatable {
        var endpoint: WebhookEndpoint
        var health: EndpointHealth?
    }

    static func table(_ rows: [Row], now: Date) -> StyledText {
        var table = TextTable(headers: [
            "NAME", "STATE", "FAILED IN A ROW", "LAST DELIVERY", "LAST SUCCESS", "24H OK/FAILED/PENDING", "ID",
        ])
        for row in rows {
            let name = TextTable.Cell(displayName(row.endpoint))
            guard let health = row.health else {
                table.append([
                    name, TextTable.Cell("waiting", color: .dim), "", "", "", "", TextTable.Cell(row.endpoint.id),
                ])
                continue
            }
            table.append([
                name,
                TextTable.Cell(health.label, color: color(health.state)),
                TextTable.Cell(String(health.consecutiveFailures)),
                TextTable.Cell(health.lastDelivery.map { attempt(code: $0.httpCode, at: $0.at, now: now) } ?? "-"),
                TextTable.Cell(health.lastSuccessAt.map { RelativeTime.ago($0, now: now) } ?? "-"),
                TextTable.Cell("\(health.day.succeeded)/\(health.day.failed)/\(health.day.pending)"),
                TextTable.Cell(row.endpoint.id),
            ])
        }
        table.maximumColumnWidth = 40
        var text = table.render()
        let failures = rows.compactMap(lastFailure(now: now))
        for (index, failure) in failures.enumerated() {
            text += (index == 0 ? "\n\n" : "\n") + failure
        }
        return text
    }

    /// `Orders: 500 4 min ago: Internal Server Error` for an endpoint that is failing or was
    /// disabled by Polar.
    private static func lastFailure(now: Date) -> (Row) -> StyledText? {
        { row in
            guard let health = row.health, health.state == .failing || health.state == .autoDisabled,
                let failure = health.lastFailure
            else { return nil }
            var line = StyledText(displayName(row.endpoint), style: .bold)
            line += ": last failure " + attempt(code: failure.httpCode, at: failure.at, now: now)
            if let firstLine = failure.firstLine, !firstLine.isEmpty {
                line += ": " + StyledText(DisplayWidth.truncate(Sanitizer.clean(firstLine), to: 100))
            }
            return line
        }
    }

    /// `2 endpoints could not be read (…); they are left out: …`, or nil when all could.
    static func unreadableEndpoints(_ unreadable: [UnreadableItem]) -> String? {
        UnreadableItem.summary(unreadable, singular: "endpoint", plural: "endpoints")
    }

    /// `1 delivery of Orders could not be read (…); it is left out: …`: the endpoint's health
    /// is counted without it. Nil when all could.
    static func unreadableDeliveries(_ unreadable: [UnreadableItem], of endpoint: WebhookEndpoint) -> String? {
        let name = displayName(endpoint)
        return UnreadableItem.summary(unreadable, singular: "delivery of \(name)", plural: "deliveries of \(name)")
    }

    /// The name, or the URL of an endpoint without one.
    static func displayName(_ endpoint: WebhookEndpoint) -> String {
        if let name = endpoint.name, !name.isEmpty { return name }
        return endpoint.url
    }

    /// `500, 4 s ago`; `no answer, 4 s ago` when the receiver could not be reached.
    private static func attempt(code: Int?, at date: Date, now: Date) -> String {
        (code.map(String.init) ?? "no answer") + ", " + RelativeTime.ago(date, now: now)
    }

    private static func color(_ state: EndpointHealth.State) -> TextStyle? {
        switch state {
        case .ok: .green
        case .failing: .yellow
        case .autoDisabled: .red
        case .disabled: .dim
        case .idle: nil
        }
    }
}

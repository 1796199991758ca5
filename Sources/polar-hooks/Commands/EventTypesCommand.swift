import ArgumentParser
import PolarAPI

/// `polar-hooks event-types`: the catalog, offline.
struct EventTypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event-types",
        abstract: "List the webhook event types Polar sends, grouped, with what each means.")

    @OptionGroup var output: OutputOptions

    /// One line of `--json`.
    struct Item: Encodable {
        let type: String
        let group: String
        let summary: String
    }

    func run() throws {
        let console = Console.current(noColor: output.noColor)
        if output.json {
            let items = WebhookEventCatalog.groups.flatMap { group in
                group.entries.map { Item(type: $0.type.rawValue, group: group.name, summary: $0.summary) }
            }
            console.print(try JSONOutput.text(items))
            return
        }
        console.print(EventTypesText.render(color: console.usesColor))
    }
}

/// The catalog as text: a heading per group, then each type and its meaning.
enum EventTypesText {
    static func render(color: Bool) -> String {
        let width = WebhookEventCatalog.entries.map { $0.type.rawValue.count }.max() ?? 0
        var lines: [String] = []
        for group in WebhookEventCatalog.groups {
            if !lines.isEmpty { lines.append("") }
            lines.append(color ? ANSIColor.bold(group.name) : group.name)
            for entry in group.entries {
                let name = entry.type.rawValue
                lines.append(
                    "  " + name + String(repeating: " ", count: width - name.count) + "  " + entry.summary)
            }
        }
        return lines.joined(separator: "\n")
    }
}

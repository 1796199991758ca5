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
            console.printJSON(try JSONOutput.text(items))
            return
        }
        console.print(EventTypesText.render())
    }
}

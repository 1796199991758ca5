import ArgumentParser
import PolarAPI
import TerminalText

/// `polar-hooks deliveries list [filters]`.
struct DeliveriesListCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List delivery attempts, newest first (all pages).",
        discussion: """
            With --json, prints one JSON array of every delivery, each with its event and payload.

            Example:
              polar-hooks deliveries list --endpoint ID --failed --since 24h
            """)

    @OptionGroup(title: "Filters") var filters: DeliveryFilterOptions

    @Option(help: ArgumentHelp("Stop after this many deliveries.", valueName: "count"))
    var limit: Int?

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let filter = try filters.filter()
        if let limit, limit < 1 { throw CLIError.usage("--limit must be at least 1") }
        let context = try makeContext(output: output)
        let pageSize = min(limit ?? 100, 100)
        if context.printsJSON {
            // Streamed page by page, never holding every delivery.
            try await context.withClient { client in
                var stream = JSONArrayStream()
                var count = 0
                var unreadable: [UnreadableItem] = []
                pages: for try await page in client.deliveryPages(filter, pageSize: pageSize) {
                    unreadable += page.unreadable
                    for delivery in page.items {
                        if let limit, count >= limit { break pages }
                        try stream.append(delivery)
                        count += 1
                    }
                }
                stream.finish()
                Self.warn(unreadable, console: context.console)
            }
            return
        }
        let (deliveries, unreadable, missing) = try await context.withClient { client in
            var all: [WebhookDelivery] = []
            var unreadable: [UnreadableItem] = []
            pages: for try await page in client.deliveryPages(filter, pageSize: pageSize) {
                unreadable += page.unreadable
                for delivery in page.items {
                    if let limit, all.count >= limit { break pages }
                    all.append(delivery)
                }
            }
            let missing = all.isEmpty ? await Self.missingEndpoints(filter.endpointIds, client: client) : []
            return (all, unreadable, missing)
        }
        Self.warn(unreadable, console: context.console)
        for id in missing {
            context.console.note(
                "No endpoint \(id) (deleted, or never there). Polar lists a deleted endpoint's deliveries "
                    + "only without --endpoint: polar-hooks deliveries list --since …")
        }
        try context.emit(deliveries) {
            deliveries.isEmpty
                ? "No deliveries match."
                : DeliveryText.table(deliveries)
        }
    }

    private static func warn(_ unreadable: [UnreadableItem], console: Console) {
        if let text = UnreadableItem.summary(unreadable, singular: "delivery", plural: "deliveries") {
            console.warn(text)
        }
    }

    /// Of `ids`, those the API no longer knows (deleted, or never there), asked only when a
    /// filtered list came back empty: Polar then answers an empty list, not 404 (CONTRACT.md §2.8).
    private static func missingEndpoints(_ ids: [String], client: PolarClient) async -> [String] {
        var missing: [String] = []
        for id in ids.prefix(10) {
            do throws(PolarError) {
                _ = try await client.endpoint(id: id)
            } catch {
                if case .notFound = error { missing.append(id) }
            }
        }
        return missing
    }
}

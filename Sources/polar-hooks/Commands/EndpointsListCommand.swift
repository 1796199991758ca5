import ArgumentParser
import PolarAPI
import TerminalText

/// `polar-hooks endpoints list`: every endpoint, across all pages.
struct EndpointsListCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every webhook endpoint (all pages).",
        discussion: "With --json, prints one JSON array of every endpoint, secrets included.")

    @Option(
        name: .customLong("org"),
        help: ArgumentHelp(
            "Only endpoints of this organization (env POLAR_ORGANIZATION_ID).", valueName: "id"))
    var organizationID: String?

    @Flag(help: "Show the signing secrets in the table.")
    var showSecret = false

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let context = try makeContext(output: output, organizationID: organizationID)
        let organizations = context.settings.organizationID.map { [$0] } ?? []
        if context.printsJSON {
            // Streamed page by page: 10,000 endpoints are never held or encoded at once.
            try await context.withClient { client in
                var stream = JSONArrayStream()
                var unreadable: [UnreadableItem] = []
                for try await page in client.endpointPages(organizationIds: organizations) {
                    for endpoint in page.items { try stream.append(endpoint) }
                    unreadable += page.unreadable
                }
                stream.finish()
                Self.warn(unreadable, console: context.console)
            }
            return
        }
        let (endpoints, unreadable) = try await context.withClient { client in
            var all: [WebhookEndpoint] = []
            var unreadable: [UnreadableItem] = []
            for try await page in client.endpointPages(organizationIds: organizations) {
                all += page.items
                unreadable += page.unreadable
            }
            return (all, unreadable)
        }
        Self.warn(unreadable, console: context.console)
        try context.emit(endpoints) {
            endpoints.isEmpty
                ? "No webhook endpoints yet. Create one with 'polar-hooks endpoints create'."
                : EndpointText.table(endpoints, showSecret: showSecret)
        }
    }

    private static func warn(_ unreadable: [UnreadableItem], console: Console) {
        if let text = UnreadableItem.summary(unreadable, singular: "endpoint", plural: "endpoints") {
            console.warn(text)
        }
    }
}

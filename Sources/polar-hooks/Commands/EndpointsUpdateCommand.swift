import ArgumentParser
import PolarAPI
import TerminalText

/// `polar-hooks endpoints update ID …`: change only what is given.
struct EndpointsUpdateCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a webhook endpoint; only the options given change.",
        discussion: """
            --event and --all-events replace the whole list; --add-event and --remove-event change the \
            current list (it is read first). --name "" clears the name.

            Examples:
              polar-hooks endpoints update ID --disable
              polar-hooks endpoints update ID --add-event order.refunded \\
                --remove-event order.created
            """)

    @Argument(help: ArgumentHelp("The endpoint's ID.", valueName: "endpoint-id"), completion: .endpointIDs)
    var endpointID: String

    @Option(help: ArgumentHelp("New URL (https).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("How Polar shapes the body.", valueName: "format"))
    var format: WebhookFormat?

    @Option(
        name: .customLong("event"),
        help: ArgumentHelp("Replace the event list; repeat or separate with commas.", valueName: "type")
    )
    var events: [String] = []

    @Flag(help: "Subscribe to every event type.")
    var allEvents = false

    @Option(
        name: .customLong("add-event"),
        help: ArgumentHelp("Add an event type to the list.", valueName: "type"))
    var addedEvents: [String] = []

    @Option(
        name: .customLong("remove-event"),
        help: ArgumentHelp("Remove an event type from the list.", valueName: "type"))
    var removedEvents: [String] = []

    @Option(help: ArgumentHelp("New name (\"\" clears it).", valueName: "name"))
    var name: String?

    @OptionGroup var secret: EndpointSecretOptions

    @Option(help: ArgumentHelp("Payload version: 2026-04, 2026-10 or 2027-01.", valueName: "version"))
    var apiVersion: String?

    @Flag(help: "Start sending events to the endpoint again.")
    var enable = false

    @Flag(help: "Stop sending events to the endpoint.")
    var disable = false

    @Flag(help: "Let an http:// or local URL through (for 'emulator --allow-insecure-urls'; Polar refuses them).")
    var allowInsecureURL = false

    @Flag(help: "Show the endpoint's signing secret.")
    var showSecret = false

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let id = try IdentifierValidator.validate(endpointID, what: "endpoint ID")
        if enable, disable { throw CLIError.usage("give either --enable or --disable, not both") }
        let checkedURL = try url.map { (url) throws(CLIError) in
            try WebhookURLValidator.validate(url, allowInsecure: allowInsecureURL)
        }
        let replacement = try EventSelection.resolve(
            events: events, allEvents: allEvents, required: false)
        let added = try EventTypeValidator.validate(addedEvents, option: "--add-event")
        let removed = try EventTypeValidator.validate(removedEvents, option: "--remove-event")
        let version = try APIVersionValidator.validate(apiVersion)
        let suppliedSecret = try secret.resolve()
        let update = WebhookEndpointUpdate(
            url: checkedURL, name: name, apiVersion: version, format: format, events: replacement,
            enabled: enable ? true : (disable ? false : nil), secret: suppliedSecret)
        let changesEvents = !added.isEmpty || !removed.isEmpty
        guard !update.isEmpty || changesEvents else {
            throw CLIError.usage(
                "nothing to change; give at least one of --url, --format, --event, --all-events, --add-event, --remove-event, --name, --secret, --generate-secret, --api-version, --enable, --disable"
            )
        }
        let context = try makeContext(output: output)

        let endpoint = try await context.withClient { client in
            var request = update
            if changesEvents {
                let base: [WebhookEventType]
                if let replacement {
                    base = replacement
                } else {
                    base = try await client.endpoint(id: id).events
                }
                let edit = EventListEdit(current: base, adding: added, removing: removed)
                for type in edit.notSubscribed {
                    context.console.warn("\(type) was not in the endpoint's event list; nothing to remove")
                }
                request.events = edit.result
            }
            return try await client.updateEndpoint(id: id, request)
        }
        SecretOutcome.report(sent: suppliedSecret, endpoint: endpoint, console: context.console)
        try context.emit(endpoint) {
            StyledText("Updated webhook endpoint \(endpoint.id).\n\n")
                + EndpointText.details(endpoint, showSecret: showSecret)
        }
    }
}

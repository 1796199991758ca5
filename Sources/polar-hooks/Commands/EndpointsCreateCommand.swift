import ArgumentParser
import PolarAPI
import TerminalText

/// `polar-hooks endpoints create --url U --format F (--event T … | --all-events) …`.
struct EndpointsCreateCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a webhook endpoint.",
        discussion: """
            The URL and event types are checked here before anything is sent: https only, a public host \
            (no localhost or private IP), at most 2083 characters, and known event types \
            (see 'polar-hooks event-types').

            Example:
              polar-hooks endpoints create --url https://example.com/hooks --format raw \\
                --event order.paid --event subscription.active --name "Orders"
            """)

    @Option(help: ArgumentHelp("Where Polar sends events (https).", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("How Polar shapes the body.", valueName: "format"))
    var format: WebhookFormat

    @Option(
        name: .customLong("event"),
        help: ArgumentHelp(
            "An event type to send; repeat it or separate with commas.", valueName: "type"))
    var events: [String] = []

    @Flag(help: "Subscribe to every event type.")
    var allEvents = false

    @Option(help: ArgumentHelp("A name to tell endpoints apart.", valueName: "name"))
    var name: String?

    @OptionGroup var secret: EndpointSecretOptions

    @Option(
        name: .customLong("org"),
        help: ArgumentHelp(
            "Organization ID; needed with a token that sees several organizations (env POLAR_ORGANIZATION_ID).",
            valueName: "id"))
    var organizationID: String?

    @Option(
        help: ArgumentHelp(
            "Payload version: 2026-04 (the server's default), 2026-10 or 2027-01.", valueName: "version"))
    var apiVersion: String?

    @Flag(help: "Let an http:// or local URL through (for 'emulator --allow-insecure-urls'; Polar refuses them).")
    var allowInsecureURL = false

    @Flag(help: "Show the new endpoint's signing secret.")
    var showSecret = false

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        // Every input is checked before the first request.
        let checkedURL = try WebhookURLValidator.validate(url, allowInsecure: allowInsecureURL)
        let eventTypes = try EventSelection.resolve(
            events: events, allEvents: allEvents, required: true)
        let version = try APIVersionValidator.validate(apiVersion)
        let suppliedSecret = try secret.resolve()
        if let organizationID {
            _ = try IdentifierValidator.validate(organizationID, what: "organization ID")
        }
        let context = try makeContext(output: output)

        let endpoint = try await context.withClient { client in
            let organization = try await OrganizationChoice.forCreate(
                explicit: organizationID, tokenKind: context.tokenKind,
                configured: context.settings.organizationID, organizations: { try await client.organizations().items })
            let body = WebhookEndpointCreate(
                url: checkedURL, name: name, apiVersion: version, format: format, events: eventTypes ?? [],
                organizationId: organization, secret: suppliedSecret)
            return try await client.createEndpoint(body)
        }
        SecretOutcome.report(sent: suppliedSecret, endpoint: endpoint, console: context.console)
        try context.emit(endpoint) {
            StyledText("Created webhook endpoint \(endpoint.id).\n\n")
                + EndpointText.details(endpoint, showSecret: showSecret)
        }
    }
}

import ArgumentParser
import FoundationEssentials
import PolarAPI
import TerminalText

/// `polar-hooks events redeliver EVENT_ID` and `… --failed --since TIME [--endpoint ID]`.
struct EventsRedeliverCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "redeliver",
        abstract: "Send an event again, or every event that failed since a time.",
        discussion: """
            EVENT_ID is an event's ID (the EVENT ID column of 'deliveries list'), not a delivery's.

            With --failed, every event whose latest delivery since --since failed is sent again, once \
            each; an event that later succeeded is left alone. It asks first (or needs --yes).

            Examples:
              polar-hooks events redeliver 0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b
              polar-hooks events redeliver --failed --endpoint ID --since 2026-09-10T00:00:00Z --yes
            """)

    @Argument(help: ArgumentHelp("The event to send again.", valueName: "event-id"))
    var eventID: String?

    @Flag(help: "Redeliver every failed event since --since.")
    var failed = false

    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp(
            "With --failed: only events of this endpoint; repeatable.", valueName: "endpoint-id"),
        completion: .endpointIDs)
    var endpointIDs: [String] = []

    @Option(
        help: ArgumentHelp(
            "With --failed: the start of the window. " + TimeArgument.help, valueName: "time"))
    var since: String?

    @OptionGroup var confirmation: ConfirmationOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        if failed {
            try await redeliverFailed()
        } else {
            try await redeliverOne()
        }
    }

    private func redeliverOne() async throws {
        guard let eventID else {
            throw CLIError.usage(
                "give an EVENT_ID, or --failed --since TIME to redeliver every failed event")
        }
        if since != nil || !endpointIDs.isEmpty {
            throw CLIError.usage("--since and --endpoint only apply with --failed")
        }
        let id = try IdentifierValidator.validate(eventID, what: "event ID")
        let context = try makeContext(output: output)
        try await context.withClient { client in try await client.redeliver(eventId: id) }
        try context.emit([id]) { "Queued a new delivery of event \(id)." }
    }

    private func redeliverFailed() async throws {
        if eventID != nil { throw CLIError.usage("give either an EVENT_ID or --failed, not both") }
        guard let since else { throw CLIError.usage("--failed needs --since TIME, e.g. --since 24h") }
        let start = try TimeArgument.parse(since, option: "--since")
        var endpoints: [String] = []
        for id in endpointIDs {
            endpoints.append(try IdentifierValidator.validate(id, what: "endpoint ID"))
        }
        let context = try makeContext(output: output)
        try context.requireConfirmationPossible(
            yes: confirmation.yes, action: "redeliver failed events")

        let outcome = try await context.withClient { client -> RedeliveryOutcome in
            var deliveries: [WebhookDelivery] = []
            var unreadable: [UnreadableItem] = []
            // All attempts, not only failed ones: a later success means the event is fine.
            for try await page in client.deliveryPages(
                DeliveryFilter(endpointIds: endpoints, start: start))
            {
                deliveries += page.items
                unreadable += page.unreadable
            }
            if let text = UnreadableItem.summary(unreadable, singular: "delivery", plural: "deliveries") {
                context.console.warn(text + "; their events are not considered")
            }
            let selection = FailedEvents.select(from: deliveries)
            if !selection.archived.isEmpty {
                context.console.warn(
                    "\(selection.archived.count) failed event(s) are archived (older than 90 days) and cannot be redelivered"
                )
            }
            var outcome = RedeliveryOutcome()
            guard !selection.events.isEmpty else { return outcome }
            let single = selection.events.filter { event in
                let seen = deliveries.count { $0.webhookEvent.id == event.id }
                return RedeliveryRule.attempts(afterDeliveries: seen) == 1
            }
            if !single.isEmpty {
                context.console.note(
                    "\(single.count) of them already have \(RedeliveryRule.maximumAttempts - 1) or more deliveries: "
                        + "Polar makes one attempt for each and does not retry it "
                        + "(the \(RedeliveryRule.maximumAttempts)-attempt limit counts every delivery).")
            }
            try context.confirm(
                "Redeliver \(selection.events.count) failed event(s) since \(TimeText.short(start)) UTC?",
                yes: confirmation.yes)
            for event in selection.events {
                do throws(PolarError) {
                    try await client.redeliver(eventId: event.id)
                    outcome.queued.append(event)
                    if !output.json { context.console.print("Queued \(event.id)  \(event.type)") }
                } catch {
                    outcome.failures.append("\(event.id): \(error.description)")
                    if error.isAuthentication { throw error }
                }
            }
            return outcome
        }
        if output.json {
            context.console.printJSON(try JSONOutput.text(outcome.queued.map { $0.id }))
        } else if outcome.queued.isEmpty, outcome.failures.isEmpty {
            context.console.print("No failed events since \(TimeText.short(start)) UTC.")
        } else {
            context.console.print("Queued \(outcome.queued.count) redelivery(ies).")
        }
        if !outcome.failures.isEmpty {
            for failure in outcome.failures {
                Console.error("could not redeliver \(failure)")
            }
            throw CLIError(
                "\(outcome.failures.count) redelivery(ies) failed", exitStatus: ExitStatus.failure)
        }
    }
}

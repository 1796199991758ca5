import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// `events redeliver` (one, and every failed since a time) and `event-types`.
@Suite struct EventsTests {
    @Test func redeliverOneEventQueuesANewDelivery() async throws {
        try await EmulatorFixture.with { fixture in
            let orders = try await fixture.endpoint(named: "Order fulfilment")
            let deliveries = try await fixture.deliveries(DeliveryFilter(endpointIds: [orders.id]))
            let event = try #require(deliveries.first { !$0.webhookEvent.isArchived }).webhookEvent
            let before = deliveries.filter { $0.webhookEvent.id == event.id }.count
            let result = try await fixture.run(["events", "redeliver", event.id])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("Queued a new delivery of event \(event.id)"))
            try await fixture.waitUntil("a new delivery of the event appears") {
                try await fixture.deliveries(DeliveryFilter(endpointIds: [orders.id]))
                    .filter { $0.webhookEvent.id == event.id }.count > before
            }
        }
    }

    @Test func redeliverUnknownEventIsNotFound() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run([
                "events", "redeliver", "0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
            ])
            #expect(result.status == 4, "\(result)")
            #expect(result.stderr.hasPrefix("error: "))
        }
    }

    @Test func redeliverFailedNeedsYesOffATerminalAndSendsNothing() async throws {
        try await EmulatorFixture.with { fixture in
            let before = try await fixture.deliveries()
            let result = try await fixture.run(["events", "redeliver", "--failed", "--since", "7d"])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("add --yes"))
            #expect(try await fixture.deliveries().count == before.count)
        }
    }

    @Test func redeliverFailedSendsEachStillFailedEventOnce() async throws {
        try await EmulatorFixture.with { fixture in
            let orders = try await fixture.endpoint(named: "Order fulfilment")
            let filter = DeliveryFilter(
                endpointIds: [orders.id], start: Date().addingTimeInterval(-7 * 86_400))
            let before = try await fixture.deliveries(filter)
            let result = try await fixture.run([
                "events", "redeliver", "--failed", "--endpoint", orders.id, "--since", "7d", "--yes",
                "--json",
            ])
            #expect(result.status == 0, "\(result)")
            let queued = try decodeJSON([String].self, result.stdout)
            #expect(Set(queued).count == queued.count, "each event once")

            // Sample history of this endpoint in the last week: order.refunded (410, 410) and
            // subscription.canceled (301) are still failing; subscription.created failed twice
            // and then succeeded, so it must be left alone.
            let types = Dictionary(before.map { ($0.webhookEvent.id, $0.webhookEvent.type) }) {
                first, _ in first
            }
            #expect(Set(queued.compactMap { types[$0] }) == ["order.refunded", "subscription.canceled"])
            let recovered = before.filter { $0.webhookEvent.type == "subscription.created" }.map(
                \.webhookEvent.id)
            #expect(!recovered.isEmpty)
            #expect(Set(queued).isDisjoint(with: recovered))

            let countBefore = Dictionary(grouping: before, by: \.webhookEvent.id).mapValues(\.count)
            try await fixture.waitUntil("each queued event has one more delivery") {
                let now = Dictionary(grouping: try await fixture.deliveries(filter), by: \.webhookEvent.id)
                    .mapValues(\.count)
                return queued.allSatisfy { (now[$0] ?? 0) > (countBefore[$0] ?? 0) }
            }
        }
    }

    @Test func redeliverFailedWithNothingToDoSaysSo() async throws {
        try await EmulatorFixture.with { fixture in
            let discord = try await fixture.endpoint(named: "Team Discord")
            let result = try await fixture.run([
                "events", "redeliver", "--failed", "--endpoint", discord.id, "--since", "7d", "--yes",
            ])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("No failed events since"))
        }
    }

    @Test(arguments: [
        (["events", "redeliver"], "give an EVENT_ID"),
        (["events", "redeliver", "--failed"], "--failed needs --since"),
        (["events", "redeliver", "--failed", "--since", "soon", "--yes"], "is not a time"),
    ])
    func redeliverUsageErrors(arguments: [String], message: String) async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(arguments)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test func eventTypesListsTheCatalogWithGroupsAndMeanings() async throws {
        let result = try await PolarHooksBinary.run(["event-types"], environment: [:])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Subscription\n  subscription.active"))
        let paid = try #require(WebhookEventCatalog.entry(for: "order.paid"))
        #expect(result.stdout.contains(paid.summary))
        let json = try await PolarHooksBinary.run(["event-types", "--json"], environment: [:])
        struct Item: Decodable {
            let type: String
            let group: String
            let summary: String
        }
        let items = try decodeJSON([Item].self, json.stdout)
        #expect(items.count == WebhookEventCatalog.allTypes.count)
        #expect(items.contains { $0.type == "customer_seat.claimed" && $0.group == "Customer Seat" })
    }
}

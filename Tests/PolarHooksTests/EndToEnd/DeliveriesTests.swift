import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// `deliveries list` with each filter, checked against what the client gets for the same filter.
@Suite struct DeliveriesTests {
    @Test func listPrintsEveryDeliveryAsATable() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["deliveries", "list"])
            #expect(result.status == 0, "\(result)")
            let all = try await fixture.deliveries()
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("TIME (UTC)") == true)
            #expect(lines.count == all.count + 1)
            #expect(result.stdout.contains("failed"))
            #expect(result.stdout.contains(" ok "))
        }
    }

    /// A deleted endpoint's deliveries stay in the unfiltered list (CONTRACT.md §2.6, §2.8);
    /// filtered by its ID the list is empty, and the command says where to look.
    @Test func aDeletedEndpointsDeliveriesAreReachableAndTheEmptyFilterSaysWhere() async throws {
        try await EmulatorFixture.with { fixture in
            let orders = try await fixture.endpoint(named: "Order fulfilment")
            let ids = Set(try await fixture.deliveries(DeliveryFilter(endpointIds: [orders.id])).map(\.id))
            #expect(!ids.isEmpty)
            try await fixture.withClient { client in try await client.deleteEndpoint(id: orders.id) }

            let filtered = try await fixture.run(["deliveries", "list", "--endpoint", orders.id])
            #expect(filtered.status == 0, "\(filtered)")
            #expect(filtered.stdout.contains("No deliveries match."))
            #expect(filtered.stderr.contains("No endpoint \(orders.id) (deleted, or never there)"))
            #expect(filtered.stderr.contains("only without --endpoint"))

            let all = try await fixture.run(["deliveries", "list", "--json"])
            #expect(all.status == 0, "\(all)")
            let listed = Set(try decodeJSON([WebhookDelivery].self, all.stdout).map(\.id))
            #expect(ids.isSubset(of: listed))
        }
    }

    @Test func everyFilterMatchesTheAPI() async throws {
        try await EmulatorFixture.with { fixture in
            let orders = try await fixture.endpoint(named: "Order fulfilment")
            let slack = try await fixture.endpoint(named: "Sales Slack")
            let weekAgo = Date().addingTimeInterval(-7 * 86_400)
            let cases: [([String], DeliveryFilter)] = [
                (["--endpoint", orders.id], DeliveryFilter(endpointIds: [orders.id])),
                (
                    ["--endpoint", orders.id, "--endpoint", slack.id, "--failed"],
                    DeliveryFilter(endpointIds: [orders.id, slack.id], succeeded: false)
                ),
                (["--succeeded"], DeliveryFilter(succeeded: true)),
                (["--http-class", "4xx"], DeliveryFilter(httpCodeClass: .clientError)),
                (["--query", "410"], DeliveryFilter(query: "410")),
                (
                    ["--event-type", "order.paid,refund.created"],
                    DeliveryFilter(eventTypes: ["order.paid", "refund.created"])
                ),
                (
                    ["--since", PolarTimestamp.format(weekAgo)],
                    DeliveryFilter(start: weekAgo)
                ),
                (
                    [
                        "--since", PolarTimestamp.format(weekAgo.addingTimeInterval(-86_400 * 60)), "--until",
                        PolarTimestamp.format(weekAgo),
                    ],
                    DeliveryFilter(start: weekAgo.addingTimeInterval(-86_400 * 60), end: weekAgo)
                ),
            ]
            for (arguments, filter) in cases {
                let result = try await fixture.run(["deliveries", "list", "--json"] + arguments)
                #expect(result.status == 0, "\(arguments): \(result)")
                let listed = try decodeJSON([WebhookDelivery].self, result.stdout)
                let expected = try await fixture.deliveries(filter)
                #expect(!expected.isEmpty, "\(arguments) should match something in the sample data")
                #expect(listed.map(\.id) == expected.map(\.id), "\(arguments)")
            }
        }
    }

    @Test func limitStopsEarly() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["deliveries", "list", "--json", "--limit", "3"])
            #expect(result.status == 0, "\(result)")
            let listed = try decodeJSON([WebhookDelivery].self, result.stdout)
            #expect(listed.map(\.id) == Array(try await fixture.deliveries().prefix(3)).map(\.id))
        }
    }

    @Test(arguments: [
        (["--event-type", "order.pai"], "did you mean 'order.paid'"),
        (["--since", "last tuesday"], "--since 'last tuesday' is not a time"),
        (["--succeeded", "--failed"], "not both"),
        (["--endpoint", "nope"], "not a valid endpoint ID"),
        (["--http-class", "6xx"], "6xx"),
        (["--since", "1h", "--until", "2h"], "--since must be earlier than --until"),
    ])
    func badFiltersAreUsageErrors(arguments: [String], message: String) async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["deliveries", "list"] + arguments)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }
}

import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// `endpoints create|update`: what reaches the server, and what is refused before it.
@Suite struct EndpointsWriteTests {
    @Test func createMakesTheEndpointAndMasksItsSecret() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run([
                "endpoints", "create", "--url", "https://example.com/new-hook", "--format", "raw",
                "--event", "order.paid", "--event", "refund.created,order.paid", "--name",
                "Created by test",
            ])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("Created webhook endpoint "))
            let created = try await fixture.endpoint(named: "Created by test")
            #expect(created.url == "https://example.com/new-hook")
            #expect(created.events == ["order.paid", "refund.created"])
            #expect(created.format == .raw)
            #expect(result.stdout.contains(created.id))
            #expect(result.stdout.contains("whsec_••••"))
            #expect(!result.stdout.contains(created.secret))
        }
    }

    @Test func createWithJSONPrintsTheAPIObject() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run([
                "endpoints", "create", "--url", "https://example.com/j", "--format", "slack",
                "--all-events",
                "--api-version", "2026-10", "--json",
            ])
            #expect(result.status == 0, "\(result)")
            let created = try decodeJSON(WebhookEndpoint.self, result.stdout)
            #expect(created.events.count == WebhookEventCatalog.allTypes.count)
            #expect(created.apiVersion == .v2026_10)
            #expect(try await fixture.withClient { try await $0.endpoint(id: created.id) } == created)
        }
    }

    @Test func aSuppliedSecretIsKept() async throws {
        try await EmulatorFixture.with { fixture in
            let secret = "merchant-chosen-secret-0123456789abcdef"
            let result = try await fixture.run([
                "endpoints", "create", "--url", "https://example.com/s", "--format", "raw", "--event",
                "order.paid",
                "--secret", secret, "--json",
            ])
            #expect(result.status == 0, "\(result)")
            #expect(try decodeJSON(WebhookEndpoint.self, result.stdout).secret == secret)
            #expect(!result.stderr.contains("did not keep"))
        }
    }

    @Test(arguments: [
        (["--url", "http://example.com/x"], "must start with https://"),
        (["--url", "https://localhost/x"], "cannot point to localhost or private IP"),
        (["--url", "https://192.168.1.10/x"], "cannot point to localhost or private IP"),
        (["--url", "https://[::1]/x"], "cannot point to localhost or private IP"),
        (["--url", "https://example.com/" + String(repeating: "a", count: 2100)], "at most 2083"),
        (["--url", "https://example.com/x", "--event", "order.payed"], "did you mean 'order.paid'"),
        (
            ["--url", "https://example.com/x", "--event", "subscription.cancelled"],
            "did you mean 'subscription.canceled'"
        ),
        (["--url", "https://example.com/x", "--secret", "too-short"], "needs 32+ characters"),
        (["--url", "https://example.com/x", "--api-version", "2020-01"], "not an API version"),
        (["--url", "https://example.com/x", "--event", "order.paid", "--all-events"], "not both"),
        (["--url", "https://example.com/x"], "choose the events"),
    ])
    func badInputIsRefusedBeforeAnyRequest(arguments: [String], message: String) async throws {
        try await EmulatorFixture.with { fixture in
            let before = try await fixture.endpoints()
            var command = ["endpoints", "create", "--format", "raw"] + arguments
            if !arguments.contains("--event") && !arguments.contains("--all-events")
                && message != "choose the events"
            {
                command += ["--event", "order.paid"]
            }
            let result = try await fixture.run(command)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(try await fixture.endpoints() == before, "nothing changed on the server")
        }
    }

    @Test func missingRequiredOptionIsAUsageError() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["endpoints", "create", "--url", "https://example.com/x"])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("error: missing expected argument '--format <format>'"))
        }
    }

    @Test func userTokenWithSeveralOrganizationsMustChoose() async throws {
        try await EmulatorFixture.with { fixture in
            let arguments = [
                "endpoints", "create", "--url", "https://example.com/u", "--format", "raw", "--event",
                "order.paid",
            ]
            let refused = try await fixture.run(arguments, token: EmulatorTokens.user)
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("--org"))
            #expect(refused.stderr.contains("Side Project"))

            let side = EmulatorOrganizations.sideProject.id
            let created = try await fixture.run(
                arguments + ["--org", side, "--json"], token: EmulatorTokens.user)
            #expect(created.status == 0, "\(created)")
            #expect(try decodeJSON(WebhookEndpoint.self, created.stdout).organizationId == side)
        }
    }

    @Test func updateAddsAndRemovesEventsByReadModifyWrite() async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Order fulfilment")
            let result = try await fixture.run([
                "endpoints", "update", endpoint.id, "--add-event", "refund.created", "--remove-event",
                "order.created",
            ])
            #expect(result.status == 0, "\(result)")
            let after = try await fixture.withClient { try await $0.endpoint(id: endpoint.id) }
            var expected = endpoint.events.filter { $0 != "order.created" }
            expected.append("refund.created")
            #expect(after.events == expected)
            #expect(after.name == endpoint.name)
            #expect(after.url == endpoint.url)
        }
    }

    @Test func updateDisablesEnablesAndRenames() async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Sales Slack")
            let disabled = try await fixture.run([
                "endpoints", "update", endpoint.id, "--disable", "--name", "Renamed",
            ])
            #expect(disabled.status == 0, "\(disabled)")
            var after = try await fixture.withClient { try await $0.endpoint(id: endpoint.id) }
            #expect(!after.enabled)
            #expect(after.name == "Renamed")
            let enabled = try await fixture.run([
                "endpoints", "update", endpoint.id, "--enable", "--json",
            ])
            #expect(enabled.status == 0, "\(enabled)")
            after = try await fixture.withClient { try await $0.endpoint(id: endpoint.id) }
            #expect(after.enabled)
            #expect(try decodeJSON(WebhookEndpoint.self, enabled.stdout) == after)
        }
    }

    @Test(arguments: [
        ([String](), "nothing to change"),
        (["--enable", "--disable"], "not both"),
        (["--add-event", "order.paied"], "did you mean 'order.paid'"),
        (["--remove-event", "checkout.create"], "did you mean 'checkout.created'"),
        (["--url", "https://10.0.0.1/"], "localhost or private IP"),
    ])
    func badUpdatesAreRefusedAndChangeNothing(arguments: [String], message: String) async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Order fulfilment")
            let result = try await fixture.run(["endpoints", "update", endpoint.id] + arguments)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(try await fixture.withClient { try await $0.endpoint(id: endpoint.id) } == endpoint)
        }
    }

    @Test func updatingAnUnknownEndpointIsNotFound() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run([
                "endpoints", "update", "0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "--disable",
            ])
            #expect(result.status == 4, "\(result)")
        }
    }
}

import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// `endpoints delete|reset-secret`: --yes is required off a terminal, and they do their job.
@Suite struct EndpointsDestructiveTests {
    @Test(arguments: [["delete"], ["reset-secret"]])
    func withoutYesOffATerminalNothingHappens(command: [String]) async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Team Discord")
            let result = try await fixture.run(["endpoints"] + command + [endpoint.id], stdin: "y\n")
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("standard input is not a terminal; add --yes"))
            #expect(try await fixture.withClient { try await $0.endpoint(id: endpoint.id) } == endpoint)
        }
    }

    @Test func deleteWithYesRemovesTheEndpoint() async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Team Discord")
            let result = try await fixture.run(["endpoints", "delete", endpoint.id, "--yes"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("Deleted webhook endpoint \(endpoint.id)"))
            await #expect(throws: PolarError.self) {
                try await fixture.withClient { try await $0.endpoint(id: endpoint.id) }
            }
            let again = try await fixture.run(["endpoints", "delete", endpoint.id, "--yes"])
            #expect(again.status == 4, "\(again)")
        }
    }

    @Test func resetSecretChangesItAndShowsItOnlyWhenAsked() async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Legacy CRM sync")
            let result = try await fixture.run(["endpoints", "reset-secret", endpoint.id, "-y"])
            #expect(result.status == 0, "\(result)")
            let after = try await fixture.withClient { try await $0.endpoint(id: endpoint.id) }
            #expect(after.secret != endpoint.secret)
            #expect(after.usesStandardWebhookSignature)
            #expect(!result.stdout.contains(after.secret))
            #expect(result.stdout.contains("whsec_••••"))

            let json = try await fixture.run([
                "endpoints", "reset-secret", endpoint.id, "--yes", "--json",
            ])
            let reset = try decodeJSON(WebhookEndpoint.self, json.stdout)
            #expect(reset.secret != after.secret)
            #expect(
                try await fixture.withClient { try await $0.endpoint(id: endpoint.id) }.secret
                    == reset.secret)
        }
    }
}

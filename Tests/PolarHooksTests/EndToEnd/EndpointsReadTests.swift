import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// `endpoints list` and `endpoints get`, through the real binary against the emulator.
@Suite struct EndpointsReadTests {
    @Test func listPrintsAnAlignedTableWithoutSecrets() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["endpoints", "list"])
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(result.stdout.contains("Order fulfilment"))
            #expect(result.stdout.contains("disabled"))
            #expect(!result.stdout.contains("\u{1B}"), "no colours when not a terminal")
            let endpoints = try await fixture.endpoints()
            #expect(lines.count == endpoints.count + 1)
            for endpoint in endpoints { #expect(!result.stdout.contains(endpoint.secret)) }
            // Columns line up: every row has its URL where the header's URL column starts.
            let urlColumn = try #require(lines[0].range(of: "URL")).lowerBound.utf16Offset(in: lines[0])
            for line in lines.dropFirst() {
                #expect(line.utf16.count > urlColumn)
                #expect(Array(line.utf16)[urlColumn - 1] == UInt16(UInt8(ascii: " ")))
            }
        }
    }

    @Test func showSecretRevealsSecrets() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["endpoints", "list", "--show-secret"])
            #expect(result.status == 0, "\(result)")
            for endpoint in try await fixture.endpoints() {
                #expect(result.stdout.contains(endpoint.secret))
            }
        }
    }

    @Test func jsonListOfManyPagesIsOneArray() async throws {
        try await EmulatorFixture.with(EmulatorOptions(port: 0, seedEndpoints: 250)) { fixture in
            let result = try await fixture.run(["endpoints", "list", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let listed = try decodeJSON([WebhookEndpoint].self, result.stdout)
            let total = try await fixture.withClient { client in
                try await client.listEndpoints(limit: 1).pagination.totalCount
            }
            #expect(total > 200, "several pages of 100")
            #expect(listed.count == total)
            #expect(Set(listed.map(\.id)).count == total)
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("["))
            #expect(
                listed.allSatisfy { $0.secret.count >= 32 }, "--json is the API's JSON, secrets included")
        }
    }

    @Test func listWithOrganizationFilterUsesTheUserToken() async throws {
        try await EmulatorFixture.with { fixture in
            let side = EmulatorOrganizations.sideProject.id
            let result = try await fixture.run(
                ["endpoints", "list", "--json", "--org", side], token: EmulatorTokens.user)
            #expect(result.status == 0, "\(result)")
            let listed = try decodeJSON([WebhookEndpoint].self, result.stdout)
            #expect(!listed.isEmpty)
            #expect(listed.allSatisfy { $0.organizationId == side })
        }
    }

    @Test func getShowsDetailsWithTheSecretMasked() async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Order fulfilment")
            let result = try await fixture.run(["endpoints", "get", endpoint.id])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains(endpoint.url))
            #expect(result.stdout.contains("whsec_••••"))
            #expect(!result.stdout.contains(endpoint.secret))
            for type in endpoint.events { #expect(result.stdout.contains(type.rawValue)) }

            let revealed = try await fixture.run(["endpoints", "get", endpoint.id, "--show-secret"])
            #expect(revealed.stdout.contains(endpoint.secret))
            let json = try await fixture.run(["endpoints", "get", endpoint.id, "--json"])
            #expect(try decodeJSON(WebhookEndpoint.self, json.stdout) == endpoint)
        }
    }

    @Test func unknownEndpointIsNotFound() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run([
                "endpoints", "get", "0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
            ])
            #expect(result.status == 4, "\(result)")
            #expect(result.stderr.hasPrefix("error: not found"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func malformedIdentifierIsAUsageError() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["endpoints", "get", "not-an-id"])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("error: 'not-an-id' is not a valid endpoint ID"))
        }
    }
}

import Foundation
import PolarEmulator
import TestSupport
import Testing

@testable import PolarAPI

/// Every operation and error path of the client against the in-process emulator (real HTTP).
@Suite struct EmulatorClientTests {
    /// Runs `body` with a fresh emulator and a client using `token`; both are stopped afterwards.
    private func withEmulator(
        token: String = EmulatorTokens.organization, apiVersion: APIVersion = .clientDefault,
        options: EmulatorOptions = EmulatorOptions(port: 0, sampleData: true),
        _ body: (PolarClient) async throws -> Void
    ) async throws {
        let emulator = try PolarEmulator(options: options)
        let baseURL = try await emulator.start()
        let client = makeClient(baseURL: baseURL, token: token, apiVersion: apiVersion)
        try await withCleanup(of: client, body) { client in
            await client.shutdown()
            await emulator.stop()
        }
    }

    private static let newEndpoint = WebhookEndpointCreate(
        url: "https://example.com/emulator-hook", name: "From the client tests", format: .raw,
        events: ["order.paid", "order.created"])

    @Test func organizationsPerToken() async throws {
        try await withEmulator { client in
            let organizations = try await client.organizations()
            #expect(organizations.map(\.slug) == [EmulatorOrganizations.acme.slug])
        }
        try await withEmulator(token: EmulatorTokens.user) { client in
            let organizations = try await client.organizations()
            #expect(Set(organizations.map(\.id)) == Set(EmulatorOrganizations.all.map(\.id)))
        }
    }

    @Test func endpointLifecycle() async throws {
        try await withEmulator { client in
            let created = try await client.createEndpoint(Self.newEndpoint)
            #expect(created.url == "https://example.com/emulator-hook")
            #expect(created.organizationId == EmulatorOrganizations.acme.id)
            #expect(created.enabled)
            #expect(created.secret.hasPrefix("whsec_"))

            let fetched = try await client.endpoint(id: created.id)
            #expect(fetched == created)

            let updated = try await client.updateEndpoint(
                id: created.id, WebhookEndpointUpdate(name: "", events: ["order.refunded"], enabled: false))
            #expect(updated.name == "")
            #expect(updated.events == ["order.refunded"])
            #expect(!updated.enabled)
            #expect(updated.url == created.url)  // left out, so unchanged

            let reset = try await client.resetSecret(endpointId: created.id)
            #expect(reset.secret != created.secret)
            #expect(reset.usesStandardWebhookSignature)

            let listed = try await client.allEndpoints()
            #expect(listed.contains { $0.id == created.id })

            try await client.deleteEndpoint(id: created.id)
            let afterDelete = await polarError { () async throws(PolarError) in
                try await client.endpoint(id: created.id)
            }
            #expect(afterDelete == .notFound(detail: "Not found"))
            let secondDelete = await polarError { () async throws(PolarError) in
                try await client.deleteEndpoint(id: created.id)
            }
            #expect(secondDelete == .notFound(detail: "Not found"))
            let remaining = try await client.allEndpoints()
            #expect(!remaining.contains { $0.id == created.id })
        }
    }

    @Test func pagesMatchOneBigPage() async throws {
        try await withEmulator(options: EmulatorOptions(port: 0, sampleData: true, seedEndpoints: 23)) { client in
            let oneBigPage = try await client.listEndpoints(limit: 100)
            #expect(oneBigPage.items.count > 20)
            var pages: [ListResource<WebhookEndpoint>] = []
            for try await page in client.endpointPages(pageSize: 3) { pages.append(page) }
            #expect(pages.count == oneBigPage.pagination.totalCount.divided(roundingUpBy: 3))
            #expect(pages.flatMap(\.items).map(\.id) == oneBigPage.items.map(\.id))
        }
    }

    @Test func suppliedSecretIsKeptUnder2026_04() async throws {
        let secret = "merchant-chosen-secret-with-32-plus-characters"
        try await withEmulator { client in
            var body = Self.newEndpoint
            body.secret = secret
            let result = try await client.createEndpointReportingSecret(body)
            #expect(result.endpoint.secret == secret)
            #expect(result.secretNotKept == nil)
        }
    }

    @Test func deliveriesFilterAndRedeliver() async throws {
        try await withEmulator { client in
            let all = try await client.allDeliveries()
            let delivery = try #require(all.first)
            let endpointIds = try await client.allEndpoints().map(\.id)
            let mine = try await client.allDeliveries(DeliveryFilter(endpointIds: endpointIds))
            #expect(mine.count == all.count)

            let failed = try await client.allDeliveries(DeliveryFilter(succeeded: false))
            #expect(failed.allSatisfy { !$0.succeeded })
            let byType = try await client.allDeliveries(DeliveryFilter(eventTypes: [delivery.webhookEvent.type]))
            #expect(!byType.isEmpty)
            #expect(byType.allSatisfy { $0.webhookEvent.type == delivery.webhookEvent.type })

            try await client.redeliver(eventId: delivery.webhookEvent.id)
            let unknown = await polarError { () async throws(PolarError) in
                try await client.redeliver(eventId: "0f9c2a1e-3b4d-4e5f-8a6b-000000000000")
            }
            #expect(unknown == .notFound(detail: "Not found"))
        }
    }

    @Test func validationErrorsNameTheirFields() async throws {
        try await withEmulator { client in
            let error = await polarError { () async throws(PolarError) in
                try await client.createEndpoint(
                    WebhookEndpointCreate(url: "http://127.0.0.1/hook", format: .raw, events: []))
            }
            #expect(!(error?.issues(forField: "url").isEmpty ?? true), "got \(String(describing: error))")

            let badId = await polarError { () async throws(PolarError) in try await client.endpoint(id: "abc") }
            guard case .validation(let issues) = badId else {
                Issue.record("expected validation, got \(String(describing: badId))")
                return
            }
            #expect(issues.first?.loc == ["path", "id"])
        }
    }

    @Test func userTokenMustNameTheOrganization() async throws {
        try await withEmulator(token: EmulatorTokens.user) { client in
            let error = await polarError { () async throws(PolarError) in
                try await client.createEndpoint(Self.newEndpoint)
            }
            #expect(error?.issues(forField: "organization_id").first?.type == "missing")
            var body = Self.newEndpoint
            body.organizationId = EmulatorOrganizations.sideProject.id
            let created = try await client.createEndpoint(body)
            #expect(created.organizationId == EmulatorOrganizations.sideProject.id)
        }
    }

    @Test func readOnlyTokenCannotWrite() async throws {
        try await withEmulator(token: EmulatorTokens.readOnly) { client in
            let endpoints = try await client.allEndpoints()
            #expect(!endpoints.isEmpty)
            let error = await polarError { () async throws(PolarError) in
                try await client.createEndpoint(Self.newEndpoint)
            }
            guard case .insufficientScope = error else {
                Issue.record("expected insufficientScope, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func unknownTokenIsUnauthorizedAndNeverEchoed() async throws {
        let token = "polar_oat_not_a_real_token_0123456789"
        try await withEmulator(token: token) { client in
            let error = await polarError { () async throws(PolarError) in try await client.allEndpoints() }
            guard case .unauthorized = error else {
                Issue.record("expected unauthorized, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains(token) == false)
        }
    }

    @Test func unsupportedVersionIsRouteNotFound() async throws {
        try await withEmulator(apiVersion: "1999-01") { client in
            let error = await polarError { () async throws(PolarError) in try await client.allEndpoints() }
            #expect(error == .routeNotFound)
        }
    }

    @Test func rateLimitBeyondPolicyIsReported() async throws {
        try await withEmulator(options: EmulatorOptions(port: 0, sampleData: true, rateLimitPerMinute: 1)) { client in
            _ = try await client.listEndpoints()
            let error = await polarError { () async throws(PolarError) in try await client.listEndpoints() }
            guard case .rateLimited(let retryAfter) = error else {
                Issue.record("expected rateLimited, got \(String(describing: error))")
                return
            }
            // The emulator asks for most of a minute, longer than the policy's 30 s: no retry.
            #expect((retryAfter ?? 0) > 30)
        }
    }
}

extension Int {
    fileprivate func divided(roundingUpBy divisor: Int) -> Int { (self + divisor - 1) / divisor }
}

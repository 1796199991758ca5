import AsyncHTTPClient
import Foundation
import Testing

@testable import PolarAPI

/// Methods, paths, headers, query strings and bodies as they go over the wire.
@Suite struct RequestShapeTests {
    /// Answers every request with `response` and returns what the stub saw.
    private func record(
        _ response: StubResponse, _ call: @escaping (PolarClient) async throws(PolarError) -> Void
    ) async throws -> [RecordedRequest] {
        var seen: [RecordedRequest] = []
        try await withStub({ _, _ in response }) { server, client in
            try await call(client)
            seen = await server.requests
        }
        return seen
    }

    @Test func everyRequestCarriesAuthVersionAcceptAndUserAgent() async throws {
        let requests = try await record(.json(200, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.endpoint(id: "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d")
        }
        let request = try #require(requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/v1/webhooks/endpoints/8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d")
        #expect(request.headers["authorization"] == "Bearer \(Fixtures.token)")
        #expect(request.headers["polar-version"] == "2026-10")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["user-agent"] == "polar-hooks/\(PolarClient.version)")
        #expect(request.headers["content-type"] == nil)
        #expect(request.body.isEmpty)
    }

    @Test func configuredVersionIsSent() async throws {
        let server = try await StubServer.start { _, _ in .json(200, Fixtures.endpointJSON()) }
        let client = makeClient(baseURL: server.baseURL, apiVersion: .v2027_01)
        _ = try? await client.endpoint(id: "x")
        await client.shutdown()
        let request = await server.requests.first
        await server.stop()
        #expect(request?.headers["polar-version"] == "2027-01")
    }

    @Test func createSendsOnlySetFieldsAsJSON() async throws {
        let body = WebhookEndpointCreate(url: "https://example.com/hook", format: .raw, events: ["order.paid"])
        let requests = try await record(.json(201, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.createEndpoint(body)
        }
        let request = try #require(requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/v1/webhooks/endpoints")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["polar-version"] == "2026-10")
        let json = try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["url", "format", "events"])
    }

    @Test func createWithSecretUsesVersion2026_04() async throws {
        let body = WebhookEndpointCreate(
            url: "https://example.com/hook", format: .raw, events: [], secret: String(repeating: "s", count: 32))
        let requests = try await record(.json(201, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.createEndpoint(body)
        }
        #expect(requests.first?.headers["polar-version"] == "2026-04")
        #expect(requests.first?.body.contains(#""secret":"ssssssssssssssssssssssssssssssss""#) == true)
    }

    @Test func updateLeavesNilFieldsOut() async throws {
        let requests = try await record(.json(200, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.updateEndpoint(id: "abc", WebhookEndpointUpdate(name: "", enabled: false))
        }
        let request = try #require(requests.first)
        #expect(request.method == "PATCH")
        #expect(request.target == "/v1/webhooks/endpoints/abc")
        #expect(request.headers["polar-version"] == "2026-10")
        let json = try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any]
        #expect(json?.count == 2)
        #expect(json?["name"] as? String == "")
        #expect(json?["enabled"] as? Bool == false)
    }

    @Test func updateWithSecretUsesVersion2026_04() async throws {
        let requests = try await record(.json(200, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.updateEndpoint(
                id: "abc", WebhookEndpointUpdate(secret: String(repeating: "k", count: 40)))
        }
        #expect(requests.first?.headers["polar-version"] == "2026-04")
    }

    @Test func resetSecretIsAPatchWithoutBody() async throws {
        let requests = try await record(.json(200, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.resetSecret(endpointId: "abc")
        }
        let request = try #require(requests.first)
        #expect(request.method == "PATCH")
        #expect(request.target == "/v1/webhooks/endpoints/abc/secret")
        #expect(request.body.isEmpty)
        #expect(request.headers["content-type"] == nil)
    }

    @Test func deleteAccepts204() async throws {
        let requests = try await record(StubResponse(status: 204)) { client throws(PolarError) in
            try await client.deleteEndpoint(id: "abc")
        }
        #expect(requests.map(\.method) == ["DELETE"])
        #expect(requests.first?.target == "/v1/webhooks/endpoints/abc")
    }

    @Test func redeliverAccepts202WithNullBody() async throws {
        let requests = try await record(.json(202, "null")) { client throws(PolarError) in
            try await client.redeliver(eventId: "0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b")
        }
        #expect(requests.map(\.method) == ["POST"])
        #expect(requests.first?.target == "/v1/webhooks/events/0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b/redeliver")
        #expect(requests.first?.body.isEmpty == true)
    }

    @Test func pathIdsArePercentEncoded() async throws {
        let requests = try await record(.json(200, Fixtures.endpointJSON())) { client throws(PolarError) in
            _ = try await client.endpoint(id: "../a b/?x#y")
        }
        #expect(requests.first?.target == "/v1/webhooks/endpoints/..%2Fa%20b%2F%3Fx%23y")
    }

    @Test func listEndpointsQuery() async throws {
        let requests = try await record(.json(200, Fixtures.list([], total: 0, maxPage: 0))) {
            client throws(PolarError) in
            _ = try await client.listEndpoints(organizationIds: ["o1", "o2"], page: 3, limit: 25)
        }
        #expect(
            requests.first?.target == "/v1/webhooks/endpoints?organization_id=o1&organization_id=o2&page=3&limit=25")
    }

    @Test func deliveryFilterUsesRepeatedKeysAndEncodesValues() async throws {
        let filter = DeliveryFilter(
            endpointIds: ["e1", "e2"], start: Date(timeIntervalSince1970: 1_789_041_600.5), succeeded: false,
            query: "a&b=c+d é", httpCodeClass: .serverError, eventTypes: ["order.paid", "order.created"])
        let requests = try await record(.json(200, Fixtures.list([], total: 0, maxPage: 0))) {
            client throws(PolarError) in
            _ = try await client.listDeliveries(filter, page: 2, limit: 50)
        }
        let request = try #require(requests.first)
        #expect(request.path == "/v1/webhooks/deliveries")
        #expect(request.query("endpoint_id") == ["e1", "e2"])
        #expect(request.query("event_type") == ["order.paid", "order.created"])
        #expect(request.query("query") == ["a&b=c+d é"])
        #expect(request.query("start_timestamp") == ["2026-09-10T12:00:00.500000Z"])
        #expect(request.query("succeeded") == ["false"])
        #expect(request.query("http_code_class") == ["5xx"])
        #expect(request.query("page") == ["2"])
        #expect(request.query("limit") == ["50"])
        #expect(request.target.contains("query=a%26b%3Dc%2Bd%20%C3%A9"))
    }

    @Test func listsDecodeWithPolarTimestamps() async throws {
        var deliveries: ListResource<WebhookDelivery>?
        try await withStub({ _, _ in .json(200, Fixtures.list([Fixtures.deliveryJSON(id: "d1")], total: 1, maxPage: 1))
        }) {
            _, client in
            deliveries = try await client.listDeliveries()
        }
        #expect(deliveries?.items.first?.id == "d1")
        #expect(deliveries?.items.first?.httpCode == 500)
        #expect(deliveries?.items.first?.webhookEvent.type == "order.paid")
        #expect(deliveries?.pagination == Pagination(totalCount: 1, maxPage: 1))
    }

    @Test func organizationsPageThroughAndKeepThreeFields() async throws {
        var organizations: [Organization] = []
        var seen: [RecordedRequest] = []
        try await withStub({ request, _ in
            let page = Int(request.query("page").first ?? "") ?? 0
            let item =
                #"{"id":"org-\#(page)","name":"Org \#(page)","slug":"org\#(page)","created_at":"2026-01-01T00:00:00Z","feature_settings":{}}"#
            return .json(200, Fixtures.list([item], total: 3, maxPage: 3))
        }) { server, client in
            organizations = try await client.organizations().items
            seen = await server.requests
        }
        #expect(organizations == (1...3).map { Organization(id: "org-\($0)", name: "Org \($0)", slug: "org\($0)") })
        #expect(seen.allSatisfy { $0.path == "/v1/organizations/" && $0.query("limit") == ["100"] })
        #expect(Set(seen.flatMap { $0.query("page") }) == ["1", "2", "3"])
    }

    @Test func injectedHTTPClientIsUsedAndLeftRunning() async throws {
        let server = try await StubServer.start { _, _ in .json(200, Fixtures.endpointJSON()) }
        let shared = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let configuration = PolarClientConfiguration(environment: .custom(server.baseURL), token: Fixtures.token)
        let first = PolarClient(configuration: configuration, httpClient: shared)
        _ = try await first.endpoint(id: "a")
        await first.shutdown()
        // The shared client still works for a second PolarClient after the first shut down.
        let second = PolarClient(configuration: configuration, httpClient: shared)
        let endpoint = try await second.endpoint(id: "b")
        await second.shutdown()
        try await shared.shutdown()
        await server.stop()
        #expect(endpoint.id == "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d")
        #expect(await server.log.count == 2)
    }
}

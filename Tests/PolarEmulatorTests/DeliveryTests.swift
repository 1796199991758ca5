import Foundation
import PolarAPI
import StandardWebhooks
import TestSupport
import Testing

@testable import PolarEmulator

@Suite struct DeliveryTests {
    @Test func deliveriesAreNewestFirstAndFilterable() async throws {
        try await withEmulator { emulator in
            let all = try await emulator.allDeliveries()
            let total = try await emulator.deliveries().pagination.totalCount
            #expect(all.count == total && total > 100)
            #expect(all.map(\.createdAt) == all.map(\.createdAt).sorted(by: >))
            #expect(all.contains { $0.httpCode == nil })
            #expect(all.contains { $0.webhookEvent.isArchived && $0.webhookEvent.payload == nil })

            let failed = try await emulator.allDeliveries("&succeeded=false")
            #expect(!failed.isEmpty && failed.allSatisfy { !$0.succeeded })
            let serverErrors = try await emulator.allDeliveries("&http_code_class=5xx")
            #expect(!serverErrors.isEmpty && serverErrors.allSatisfy { ($0.httpCode ?? 0) / 100 == 5 })
            let types = try await emulator.allDeliveries("&event_type=order.paid&event_type=refund.created")
            #expect(Set(types.map(\.webhookEvent.type)) == ["order.paid", "refund.created"])

            let sample = try #require(all.first)
            let byEvent = try await emulator.deliveries(
                "?query=\(sample.webhookEvent.id.prefix(13).uppercased())")
            #expect(byEvent.items.allSatisfy { $0.webhookEvent.id == sample.webhookEvent.id })
            // ILIKE on the ids and the code as text: every 410 is found (ids may match too).
            let byCode = try await emulator.allDeliveries("&query=410")
            #expect(Set(all.filter { $0.httpCode == 410 }.map(\.id)).isSubset(of: byCode.map(\.id)))

            let middle = all[all.count / 2].createdAt
            let start = PolarTimestamp.format(middle).replacingOccurrences(of: "+", with: "%2B")
            let after = try await emulator.allDeliveries("&start_timestamp=\(start)")
            #expect(after.allSatisfy { $0.createdAt > middle } && after.count == all.count / 2)
            let before = try await emulator.allDeliveries("&end_timestamp=\(start)")
            #expect(before.count + after.count + 1 == all.count)

            let endpointId = try await emulator.endpoints("?limit=100").items[0].id
            let one = try await emulator.allDeliveries("&endpoint_id=\(endpointId)")
            #expect(one.count < all.count)
        }
    }

    @Test func deliveryQueryErrors() async throws {
        try await withEmulator { emulator in
            let naive = try await emulator.send(
                "GET", "/v1/webhooks/deliveries?start_timestamp=2026-01-01T00:00:00")
            #expect(
                naive.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"timezone_aware","loc":["query","start_timestamp"],"msg":"Input should have timezone info","input":"2026-01-01T00:00:00"}]}"#
            )
            let codeClass = try await emulator.send("GET", "/v1/webhooks/deliveries?http_code_class=6xx")
            #expect(
                codeClass.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"literal_error","loc":["query","http_code_class"],"msg":"Input should be '2xx', '3xx', '4xx' or '5xx'","input":"6xx","ctx":{"expected":"'2xx', '3xx', '4xx' or '5xx'"}}]}"#
            )
            let stranger = try await emulator.deliveries(
                "?endpoint_id=0b0c0d0e-1111-4222-8333-444455556666")
            #expect(stranger.items.isEmpty && stranger.pagination.maxPage == 0)
        }
    }

    @Test func deletedEndpointsKeepTheirDeliveriesListed() async throws {
        try await withEmulator { emulator in
            let before = try await emulator.deliveries("?limit=100").pagination.totalCount
            let target = try #require(try await emulator.deliveries("?limit=100").items.first)
            let endpoints = try await emulator.endpoints("?limit=100").items
            var deletedId: String? = nil
            for endpoint in endpoints {
                let rows = try await emulator.deliveries("?endpoint_id=\(endpoint.id)&limit=100")
                if rows.items.contains(where: { $0.id == target.id }) { deletedId = endpoint.id }
            }
            let id = try #require(deletedId)
            #expect(try await emulator.send("DELETE", "/v1/webhooks/endpoints/\(id)").status == 204)
            #expect(try await emulator.deliveries("?limit=100").pagination.totalCount == before)
            #expect(try await emulator.deliveries("?endpoint_id=\(id)").items.isEmpty)
        }
    }

    @Test func redeliverAnswers202WithNull() async throws {
        try await withEmulator { emulator in
            let unknown = try await emulator.send(
                "POST", "/v1/webhooks/events/0b0c0d0e-1111-4222-8333-444455556666/redeliver")
            #expect(
                unknown.status == 404
                    && unknown.text == #"{"error":"ResourceNotFound","detail":"Not found"}"#)
            let archived = try #require(
                try await emulator.allDeliveries().first { $0.webhookEvent.isArchived })
            let before = try await emulator.deliveries("?limit=100").pagination.totalCount
            let response = try await emulator.send(
                "POST", "/v1/webhooks/events/\(archived.webhookEvent.id)/redeliver")
            #expect(response.status == 202 && response.text == "null")
            #expect(response.headers["content-type"] == "application/json")
            #expect(try await emulator.deliveries("?limit=100").pagination.totalCount == before)
            let otherOrg = try #require(
                try await emulator.allDeliveries(token: EmulatorTokens.user).first {
                    delivery in
                    delivery.webhookEvent.type == "checkout.created"
                })
            let hidden = try await emulator.send(
                "POST", "/v1/webhooks/events/\(otherOrg.webhookEvent.id)/redeliver")
            #expect(hidden.status == 404)
        }
    }

    @Test func externalHostsGetNoTraffic() async throws {
        try await withEmulator { emulator in
            let trigger = try await emulator.send(
                "POST", "/_emulator/trigger", token: nil, body: #"{"type":"refund.created"}"#)
            #expect(trigger.status == 200)
            let events = try #require(try trigger.json() as? [[String: Any]])
            #expect(events.count == 1)
            let eventId = try #require(events.first?["id"] as? String)
            try await emulator.waitUntil("the blocked attempt is recorded") {
                try await emulator.deliveries("?query=\(eventId)").items.count >= 1
            }
            let row = try #require(try await emulator.deliveries("?query=\(eventId)").items.first)
            #expect(row.httpCode == nil && !row.succeeded)
            #expect(
                row.response
                    == "emulator: delivery to external hosts is off; start the emulator with --deliver-external to send it"
            )
        }
    }

    @Test func signedDeliveryReachesALocalReceiver() async throws {
        try await withOrderPaidEndpoint(answering: [500, 200], retryDelayScale: 0.001) { emulator, endpoint, receiver in
            #expect(endpoint.url == receiver.url)
            let trigger = try await emulator.send(
                "POST", "/_emulator/trigger", token: nil,
                body: #"{"type":"order.paid","organization_id":"\#(EmulatorOrganizations.acme.id)"}"#)
            let eventId = try #require((try trigger.json() as? [[String: Any]])?.first?["id"] as? String)
            try await emulator.waitUntil("two attempts are recorded") {
                try await emulator.deliveries().items.count == 2
            }
            let rows = try await emulator.deliveries().items
            #expect(rows.map(\.httpCode) == [200, 500])
            #expect(rows[0].response == "answer 200" && rows[0].webhookEvent.succeeded == true)
            let arrived = await receiver.received
            #expect(arrived.count == 2)
            for request in arrived {
                #expect(request.headers["webhook-id"] == eventId)
                #expect(request.headers["user-agent"] == "polar.sh webhooks")
                #expect(request.headers["webhook-api-version"] == "2026-04")
                let scheme = try WebhookVerifier(secret: endpoint.secret).verify(
                    headers: request.headers, body: request.body)
                #expect(scheme == .standard)
            }
            let payload = try #require(
                try JSONSerialization.jsonObject(with: Data(arrived[0].body)) as? [String: Any])
            #expect(payload["type"] as? String == "order.paid")
        }
    }

    @Test func tenFailedEventsDisableTheEndpoint() async throws {
        try await withOrderPaidEndpoint(answering: [503], retryDelayScale: 0.00001) { emulator, endpoint, _ in
            for _ in 0..<10 {
                _ = try await emulator.send(
                    "POST", "/_emulator/trigger", token: nil, body: #"{"type":"order.paid"}"#)
            }
            try await emulator.waitUntil("every attempt is made", attempts: 1200) {
                emulator.emulator.activeDeliveries == 0
            }
            let rows = try await emulator.deliveries("?limit=100&page=1")
            #expect(rows.pagination.totalCount == 100)
            #expect(rows.items.allSatisfy { $0.httpCode == 503 && $0.webhookEvent.succeeded == false })
            let after = try await emulator.send("GET", "/v1/webhooks/endpoints/\(endpoint.id)").decode(
                WebhookEndpoint.self)
            #expect(!after.enabled)
            // A disabled endpoint gets no new delivery on redeliver; the event is marked skipped.
            let eventId = rows.items[0].webhookEvent.id
            let redeliver = try await emulator.send("POST", "/v1/webhooks/events/\(eventId)/redeliver")
            #expect(redeliver.status == 202)
            let skipped = try await emulator.deliveries("?query=\(eventId)&limit=100")
            #expect(
                skipped.items.allSatisfy { $0.webhookEvent.skipped } && skipped.pagination.totalCount == 10)
        }
    }

    @Test func legacySecretsSignTheLegacyWay() async throws {
        let secret = "whsec_" + String(repeating: "L", count: 43)
        try await withOrderPaidEndpoint(fields: #""format":"discord","secret":"\#(secret)""#) {
            emulator, endpoint, receiver in
            #expect(!endpoint.usesStandardWebhookSignature)
            _ = try await emulator.send(
                "POST", "/_emulator/trigger", token: nil, body: #"{"type":"order.paid"}"#)
            try await emulator.waitUntil("the webhook arrives") { await receiver.received.count == 1 }
            let request = try #require(await receiver.received.first)
            #expect(
                try WebhookVerifier(secret: secret).verify(headers: request.headers, body: request.body)
                    == .legacy)
            let body = try #require(
                try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            #expect(body["content"] as? String == "order.paid" && body["embeds"] is [Any])
        }
    }

    @Test func refusedConnectionsKeepTheLastHTTPCode() async throws {
        // Port 1: nothing listens there.
        try await withEmulator(EmulatorOptions(sampleData: false, allowInsecureURLs: true, retryDelayScale: 0)) {
            emulator in
            let endpoint = try await emulator.create(
                #"{"url":"http://127.0.0.1:1/hook","format":"raw","events":["order.paid"]}"#
            ).decode(WebhookEndpoint.self)
            _ = try await emulator.send("POST", "/_emulator/trigger", token: nil, body: #"{"type":"order.paid"}"#)
            try await emulator.waitUntil("ten attempts are made") {
                try await emulator.deliveries("?endpoint_id=\(endpoint.id)").pagination.totalCount == 10
                    && emulator.emulator.activeDeliveries == 0
            }
            let rows = try await emulator.deliveries("?endpoint_id=\(endpoint.id)").items
            #expect(rows.allSatisfy { $0.httpCode == nil && $0.response == "All connection attempts failed" })
            #expect(rows[0].webhookEvent.lastHttpCode == nil && rows[0].webhookEvent.succeeded == false)
        }
    }

    /// An emulator that delivers to loopback, retrying at `retryDelayScale` of Polar's delays; a
    /// receiver that answers `statuses` in turn; and an endpoint for order.paid that points at it
    /// (raw format unless `fields` says otherwise). Both servers are stopped afterwards.
    private func withOrderPaidEndpoint(
        answering statuses: [Int] = [200], retryDelayScale: Double = 1, fields: String = #""format":"raw""#,
        _ body: (EmulatorHarness, WebhookEndpoint, WebhookReceiver) async throws -> Void
    ) async throws {
        let options = EmulatorOptions(sampleData: false, allowInsecureURLs: true, retryDelayScale: retryDelayScale)
        try await withCleanup(of: try await WebhookReceiver.start(statuses: statuses)) { receiver in
            try await withEmulator(options) { emulator in
                let endpoint = try await emulator.create(
                    #"{"url":"\#(receiver.url)","events":["order.paid"],\#(fields)}"#
                ).decode(WebhookEndpoint.self)
                try await body(emulator, endpoint, receiver)
            }
        } cleanup: {
            await $0.stop()
        }
    }
}

import Foundation
import Testing

@testable import PolarAPI

@Suite struct TimestampAndModelCodingTests {
    @Test func formatsMicrosecondsAndDropsZeroFractions() throws {
        let withMicros = try #require(PolarTimestamp.parse("2026-09-10T12:03:04.567890Z"))
        #expect(PolarTimestamp.format(withMicros) == "2026-09-10T12:03:04.567890Z")
        let whole = try #require(PolarTimestamp.parse("2026-09-10T12:03:04Z"))
        #expect(PolarTimestamp.format(whole) == "2026-09-10T12:03:04Z")
        #expect(whole.timeIntervalSince1970 == 1_789_041_784)
    }

    @Test func parsesOffsetsAndRejectsNaiveTimestamps() throws {
        let offset = try #require(PolarTimestamp.parse("2026-09-10T14:03:04+02:00"))
        #expect(PolarTimestamp.format(offset) == "2026-09-10T12:03:04Z")
        #expect(PolarTimestamp.parse("2026-09-10T12:03:04") == nil)
        #expect(PolarTimestamp.parse("yesterday") == nil)
        #expect(PolarTimestamp.parse("2026-13-10T12:03:04Z") == nil)
    }

    @Test func endpointRoundTripsWithExplicitNulls() throws {
        let json = """
            {"created_at":"2026-09-10T12:03:04.567890Z","modified_at":null,"id":"8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d",\
            "url":"https://example.com/webhooks/polar","name":null,"api_version":"2026-04","format":"raw",\
            "secret":"whsec_x","organization_id":"1dbfc517-0bbf-4301-9ba8-555ca42b9737",\
            "events":["order.paid","future.type"],"enabled":true,"uses_standard_webhook_signature":true}
            """
        let endpoint = try PolarCoding.decoder.decode(WebhookEndpoint.self, from: Array(json.utf8))
        #expect(endpoint.events == ["order.paid", "future.type"])
        #expect(!WebhookEventType("future.type").isKnown)
        // Written back byte for byte: the server's key order, explicit nulls, the same timestamps.
        let encoded = try PolarCoding.answerEncoder.encode(endpoint)
        #expect(String(decoding: encoded, as: UTF8.self) == json)
    }

    @Test func updateLeavesOutNilFields() throws {
        let body = WebhookEndpointUpdate(enabled: false)
        let encoded = String(decoding: try PolarCoding.requestEncoder.encode(body), as: UTF8.self)
        #expect(encoded == #"{"enabled":false}"#)
    }

    @Test func catalogHasFortyTwoTypesInTwelveSortedGroups() {
        #expect(WebhookEventCatalog.entries.count == 42)
        #expect(
            WebhookEventCatalog.groups.map(\.name) == [
                "Benefit", "Benefit Grant", "Checkout", "Customer", "Customer Seat", "Discount", "Member",
                "Order", "Organization", "Product", "Refund", "Subscription",
            ])
        #expect(WebhookEventCatalog.suggestions(for: "order.payed").first == "order.paid")
        #expect(WebhookEventCatalog.suggestions(for: "zzzzzzzzzzzzzzzzzz").isEmpty)
    }

    @Test func validationIssueNamesItsFieldAndDropsPydanticPrefix() {
        let issue = ValidationIssue(
            loc: ["body", "url"], msg: "Value error, Webhook URLs cannot point to localhost or private IP addresses.",
            type: "value_error")
        #expect(issue.field == "url")
        #expect(issue.description == "url: Webhook URLs cannot point to localhost or private IP addresses.")
        #expect(PolarError.validation([issue]).issues(forField: "url") == [issue])
    }

    @Test func formatIsSuggestedFromDiscordAndSlackURLs() {
        #expect(WebhookFormat.suggested(forURL: " https://discord.com/api/webhooks/1/abc") == .discord)
        #expect(WebhookFormat.suggested(forURL: "https://hooks.slack.com/services/T/B/x") == .slack)
        #expect(WebhookFormat.suggested(forURL: "https://example.com/") == nil)
    }
}

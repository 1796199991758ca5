import Foundation
import PolarAPI
import Testing

/// The models written as Polar writes them: the server's key order (each model's `CodingKeys`),
/// every key with `null` when absent, Polar's timestamps, strings escaped exactly.
@Suite struct ServerJSONTests {
    static let tricky =
        "quote \" backslash \\ slash / nl \n cr \r tab \t bs \u{08} ff \u{0C} nul \u{00} us \u{1F} é 🪝 日本"

    static let endpoint = WebhookEndpoint(
        createdAt: Date(timeIntervalSince1970: 1_789_000_000.123456), modifiedAt: nil, id: "ep_1",
        url: "https://example.com/hooks?a=1&b=2", name: tricky, apiVersion: .v2026_10, format: .raw,
        secret: "polar_whs_secret", organizationId: "org_1", events: ["order.paid", "checkout.created"],
        enabled: true, usesStandardWebhookSignature: false)

    static let event = WebhookEvent(
        createdAt: Date(timeIntervalSince1970: 1_789_000_000), modifiedAt: Date(timeIntervalSince1970: 1_789_000_001.5),
        id: "ev_1", lastHttpCode: nil, succeeded: nil, skipped: false, apiVersion: .v2026_10,
        payload: "{\"type\":\"order.paid\",\"data\":{\"note\":\"\(tricky)\"}}", type: "order.paid", isArchived: false)

    static let delivery = WebhookDelivery(
        createdAt: Date(timeIntervalSince1970: 1_789_000_002), modifiedAt: nil, id: "de_1", succeeded: false,
        httpCode: 500, response: nil, webhookEvent: event)

    static func written(_ value: some Encodable) throws -> String {
        String(decoding: try PolarCoding.answerEncoder.encode(value), as: UTF8.self)
    }

    /// Read back by an independent parser.
    static func parsed(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test func endpointKeepsTheServersKeyOrderWithoutSpaces() throws {
        let text = try Self.written(Self.endpoint)
        #expect(
            text.hasPrefix(
                #"{"created_at":"2026-09-10T00:26:40.123456Z","modified_at":null,"id":"ep_1","url":"https://example.com/hooks?a=1&b=2","name":"#
            ))
        #expect(
            text.hasSuffix(
                #","api_version":"2026-10","format":"raw","secret":"polar_whs_secret","organization_id":"org_1","events":["order.paid","checkout.created"],"enabled":true,"uses_standard_webhook_signature":false}"#
            ))
        let parsed = try Self.parsed(text)
        #expect(parsed["name"] as? String == Self.tricky)
        #expect(parsed["modified_at"] is NSNull, "an absent optional is written as null, not left out")
    }

    @Test func deliveryNestsItsEventInTheServersOrder() throws {
        #expect(
            try Self.written(Self.delivery).hasPrefix(
                #"{"created_at":"2026-09-10T00:26:42Z","modified_at":null,"id":"de_1","succeeded":false,"http_code":500,"response":null,"webhook_event":{"created_at":"2026-09-10T00:26:40Z","modified_at":"2026-09-10T00:26:41.500000Z","id":"ev_1","last_http_code":null,"succeeded":null,"skipped":false,"api_version":"2026-10","payload":"#
            ))
        #expect(try Self.written(Self.delivery).hasSuffix(#","type":"order.paid","is_archived":false}}"#))
        let event = try #require(try Self.parsed(Self.written(Self.delivery))["webhook_event"] as? NSDictionary)
        #expect(event["payload"] as? String == Self.event.payload)
    }

    @Test func pageWritesItemsThenPaginationAndNotTheUnreadable() throws {
        let page = ListResource(
            items: [Self.endpoint], pagination: Pagination(totalCount: 2, maxPage: 1),
            unreadable: [UnreadableItem(id: "x", index: 1, problem: "expected an object")])
        let text = try Self.written(page)
        #expect(text.hasPrefix(#"{"items":[{"created_at":"#))
        #expect(text.hasSuffix(#"}],"pagination":{"total_count":2,"max_page":1}}"#))
    }

    @Test func stringsAreEscapedExactly() throws {
        #expect(
            try Self.written("a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}é🪝") == #""a\"b\\c/d\n\r\t\b\f\u0001\u001fé🪝""#)
    }

    @Test func modelsReadBackWhatTheyWrite() throws {
        #expect(
            try PolarCoding.decoder.decode(WebhookEndpoint.self, from: PolarCoding.answerEncoder.encode(Self.endpoint))
                == Self.endpoint)
        #expect(
            try PolarCoding.decoder.decode(WebhookDelivery.self, from: PolarCoding.answerEncoder.encode(Self.delivery))
                == Self.delivery)
    }

    @Test func requestBodiesLeaveOutWhatIsNotSet() throws {
        let create = WebhookEndpointCreate(url: "https://example.com/", format: .raw, events: ["order.paid"])
        #expect(
            String(decoding: try PolarCoding.requestEncoder.encode(create), as: UTF8.self)
                == #"{"url":"https://example.com/","format":"raw","events":["order.paid"]}"#)
        let update = WebhookEndpointUpdate(name: "", enabled: false)
        #expect(
            String(decoding: try PolarCoding.requestEncoder.encode(update), as: UTF8.self)
                == #"{"name":"","enabled":false}"#)
    }
}

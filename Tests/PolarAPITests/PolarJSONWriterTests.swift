import Foundation
import PolarAPI
import Testing

@Suite struct PolarJSONWriterTests {
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

    static func written(_ value: some PolarJSONWritable, pretty: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        value.writeJSON(pretty: pretty, indent: 0, into: &bytes)
        return bytes
    }

    static func parsed(_ bytes: [UInt8]) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    static func encoded(_ value: some Encodable) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: PolarJSON.encoder().encode(value)) as? NSDictionary)
    }

    @Test(arguments: [false, true])
    func endpointParsesToTheSameValuesAsJSONEncoder(pretty: Bool) throws {
        let ours = try Self.parsed(Self.written(Self.endpoint, pretty: pretty))
        #expect(ours == (try Self.encoded(Self.endpoint)))
        #expect(ours["name"] as? String == Self.tricky)
        #expect(ours["created_at"] as? String == "2026-09-10T00:26:40.123456Z")
        #expect(ours["modified_at"] is NSNull, "an absent optional is written as null, not left out")
    }

    @Test(arguments: [false, true])
    func deliveryWithItsEventParsesToTheSameValuesAsJSONEncoder(pretty: Bool) throws {
        let ours = try Self.parsed(Self.written(Self.delivery, pretty: pretty))
        #expect(ours == (try Self.encoded(Self.delivery)))
        let event = try #require(ours["webhook_event"] as? NSDictionary)
        #expect(event["last_http_code"] is NSNull)
        #expect(event["succeeded"] is NSNull)
        #expect(ours["response"] is NSNull)
        #expect(event["payload"] as? String == Self.event.payload)
    }

    @Test func pageParsesToTheSameValuesAsJSONEncoder() throws {
        let page = ListResource(
            items: [Self.endpoint, Self.endpoint], pagination: Pagination(totalCount: 2, maxPage: 1))
        for pretty in [false, true] {
            #expect(try Self.parsed(Self.written(page, pretty: pretty)) == (try Self.encoded(page)))
        }
    }

    @Test func stringsAreEscapedExactly() {
        var bytes: [UInt8] = []
        PolarJSONWriter.writeString("a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}é🪝", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""a\"b\\c/d\n\r\t\b\f\u0001\u001fé🪝""#)
    }

    @Test func compactOutputKeepsTheServersKeyOrderWithoutSpaces() {
        let text = String(decoding: Self.written(Self.endpoint, pretty: false), as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"created_at":"2026-09-10T00:26:40.123456Z","modified_at":null,"id":"ep_1","url":"https://example.com/hooks?a=1&b=2","name":"#
            ))
        #expect(
            text.hasSuffix(
                #","api_version":"2026-10","format":"raw","secret":"polar_whs_secret","organization_id":"org_1","events":["order.paid","checkout.created"],"enabled":true,"uses_standard_webhook_signature":false}"#
            ))
    }

    @Test func prettyOutputIndentsByTwoSpacesInTheServersKeyOrder() {
        let text = String(decoding: Self.written(Self.delivery, pretty: true), as: UTF8.self)
        let expected = """
            {
              "created_at" : "2026-09-10T00:26:42Z",
              "modified_at" : null,
              "id" : "de_1",
              "succeeded" : false,
              "http_code" : 500,
              "response" : null,
              "webhook_event" : {
                "created_at" : "2026-09-10T00:26:40Z",
                "modified_at" : "2026-09-10T00:26:41.500000Z",
            """
        #expect(text.hasPrefix(expected))
        #expect(text.hasSuffix("\"is_archived\" : false\n  }\n}"))
    }

    @Test func prettyArraysIndentTheirItemsAndEmptyOnesStayOnOneLine() {
        var endpoint = Self.endpoint
        var text = String(decoding: Self.written(endpoint, pretty: true), as: UTF8.self)
        #expect(text.contains("\"events\" : [\n    \"order.paid\",\n    \"checkout.created\"\n  ],\n"))
        endpoint.events = []
        text = String(decoding: Self.written(endpoint, pretty: true), as: UTF8.self)
        #expect(text.contains("\"events\" : [],\n"))
    }
}

import Foundation
import Testing

@testable import PolarAPI

/// Mutated valid answers never crash the client: each decodes (a list keeping what it can
/// read) or becomes a typed error in words, and no words ever quote a value.
@Suite(.timeLimit(.minutes(5))) struct DecodingFuzzTests {
    static let seed: UInt64 = 0x7015_2026
    static let mutationsPerBody = 5_000
    /// Set as the endpoint secret and the 422 `input`: it must never reach a problem's words.
    static let sentinel = "FUZZSENTINEL"

    enum Body: String, CaseIterable, Sendable {
        case endpoint, endpointList, deliveryList, organizationList, validationError
    }

    @Test(arguments: Body.allCases)
    func mutatedBodiesDecodeOrFailInWords(_ body: Body) throws {
        var mutator = JSONMutator(seed: Self.seed &+ UInt64(Body.allCases.firstIndex(of: body) ?? 0))
        let original = JSONMutator.Original(Self.value(of: body))
        var outcomes = (decoded: 0, failed: 0, unreadable: 0)
        for _ in 0..<Self.mutationsPerBody {
            let data = Data(mutator.mutate(original))
            let words: [String]
            switch body {
            case .endpoint:
                words = Self.decodeObject(WebhookEndpoint.self, data, &outcomes)
            case .endpointList:
                words = Self.decodeList(WebhookEndpoint.self, data, &outcomes)
            case .deliveryList:
                words = Self.decodeList(WebhookDelivery.self, data, &outcomes)
            case .organizationList:
                words = Self.decodeList(Organization.self, data, &outcomes)
            case .validationError:
                let error = ErrorMapping.error(status: 422, retryAfter: nil, body: data)
                words = [error.description]
                outcomes.decoded += 1
            }
            for text in words where text.contains(Self.sentinel) {
                Issue.record("a value reached the words: \(text.prefix(300))")
            }
        }
        // The mutations exercised both outcomes, not only one.
        #expect(outcomes.decoded > 0)
        if body != .validationError { #expect(outcomes.failed > 0) }
        if body == .endpointList || body == .deliveryList { #expect(outcomes.unreadable > 0) }
    }

    /// Decodes a single object; the words are the problem when it fails.
    private static func decodeObject<T: Decodable>(
        _ kind: T.Type, _ data: Data, _ outcomes: inout (decoded: Int, failed: Int, unreadable: Int)
    ) -> [String] {
        do {
            _ = try PolarJSON.decoder().decode(T.self, from: data)
            outcomes.decoded += 1
            return []
        } catch {
            outcomes.failed += 1
            #expect(error is DecodingError, "\(type(of: error))")
            return [DecodingProblem.describe(error)]
        }
    }

    /// Decodes a page; the words are the unreadable items' problems, or the page's.
    private static func decodeList<Item: Codable & Sendable>(
        _ kind: Item.Type, _ data: Data, _ outcomes: inout (decoded: Int, failed: Int, unreadable: Int)
    ) -> [String] {
        do {
            let page = try PolarJSON.decoder().decode(ListResource<Item>.self, from: data)
            outcomes.decoded += 1
            outcomes.unreadable += page.unreadable.isEmpty ? 0 : 1
            let indices = page.unreadable.map(\.index)
            #expect(Set(indices).count == indices.count, "each unreadable item is reported once")
            #expect(indices.allSatisfy { $0 >= 0 && $0 < page.items.count + page.unreadable.count })
            return page.unreadable.map(\.description)
        } catch {
            outcomes.failed += 1
            #expect(error is DecodingError, "\(type(of: error))")
            return [DecodingProblem.describe(error)]
        }
    }

    // MARK: The valid bodies

    static func value(of body: Body) -> FuzzJSON {
        switch body {
        case .endpoint: endpoint(id: "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d")
        case .endpointList: list((1...3).map { endpoint(id: "e\($0)") })
        case .deliveryList: list((1...3).map { delivery(id: "d\($0)") })
        case .organizationList: list((1...3).map { organization(id: "o\($0)") })
        case .validationError:
            .object([
                ("error", .string("RequestValidationError")),
                (
                    "detail",
                    .array([
                        .object([
                            ("type", .string("url_scheme")), ("loc", .array([.string("body"), .string("url")])),
                            ("msg", .string("URL scheme should be 'https'")), ("input", .string(sentinel)),
                            ("ctx", .object([("expected_schemes", .string("'https'"))])),
                        ]),
                        .object([
                            ("type", .string("string_type")),
                            ("loc", .array([.string("body"), .string("events"), .number("0")])),
                            ("msg", .string("Input should be a valid string")), ("input", .number("1")),
                        ]),
                    ])
                ),
            ])
        }
    }

    static func list(_ items: [FuzzJSON]) -> FuzzJSON {
        .object([
            ("items", .array(items)),
            ("pagination", .object([("total_count", .number(String(items.count))), ("max_page", .number("1"))])),
        ])
    }

    static func endpoint(id: String) -> FuzzJSON {
        .object([
            ("created_at", .string("2026-09-10T12:03:04.567890Z")), ("modified_at", .null), ("id", .string(id)),
            ("url", .string("https://example.com/hook")), ("name", .string("Production hook")),
            ("api_version", .string("2026-04")), ("format", .string("raw")),
            ("secret", .string("whsec_\(sentinel)AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGx")),
            ("organization_id", .string(Fixtures.organizationId)),
            ("events", .array([.string("order.paid"), .string("subscription.updated")])), ("enabled", .bool(true)),
            ("uses_standard_webhook_signature", .bool(true)),
        ])
    }

    static func delivery(id: String) -> FuzzJSON {
        .object([
            ("created_at", .string("2026-09-10T12:05:01.2Z")), ("modified_at", .null), ("id", .string(id)),
            ("succeeded", .bool(false)), ("http_code", .number("500")), ("response", .string("Internal Error")),
            (
                "webhook_event",
                .object([
                    ("created_at", .string("2026-09-10T12:05:00.001Z")),
                    ("modified_at", .string("2026-09-10T12:05:01.25Z")),
                    ("id", .string("0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b")), ("last_http_code", .number("500")),
                    ("succeeded", .null), ("skipped", .bool(false)), ("api_version", .string("2026-04")),
                    ("payload", .string("{\"secret\":\"\(sentinel)\"}")), ("type", .string("order.paid")),
                    ("is_archived", .bool(false)),
                ])
            ),
        ])
    }

    static func organization(id: String) -> FuzzJSON {
        .object([
            ("id", .string(id)), ("name", .string("Org \(id)")), ("slug", .string("org-\(id)")),
            ("created_at", .string("2026-01-01T00:00:00Z")), ("feature_settings", .object([])),
        ])
    }
}

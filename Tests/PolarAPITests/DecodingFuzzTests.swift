import Foundation
import Testing

@testable import PolarAPI

/// Mutated valid answers never crash the client: each decodes (a list keeping what it can
/// read) or becomes a typed error in words, and no words ever quote a value.
///
/// The mutations run on a thread of their own: seconds of synchronous work on Swift's
/// cooperative pool (two threads here) would starve the network tests running beside them.
@Suite(.timeLimit(.minutes(5))) struct DecodingFuzzTests {
    static let seed: UInt64 = 0x7015_2026
    static let mutationsPerBody = 5_000
    /// Set as the endpoint secret and the 422 `input`: it must never reach a problem's words.
    static let sentinel = "FUZZSENTINEL"

    enum Body: String, CaseIterable, Sendable {
        case endpoint, endpointList, deliveryList, organizationList, validationError
    }

    /// What one run found.
    struct Findings: Sendable {
        var decoded = 0
        var failed = 0
        var withUnreadableItems = 0
        /// Words that contained the sentinel.
        var leaks: [String] = []
        /// Errors other than DecodingError, and unreadable-item bookkeeping gone wrong.
        var oddities: [String] = []
    }

    @Test(arguments: Body.allCases)
    func mutatedBodiesDecodeOrFailInWords(_ body: Body) async throws {
        let findings = await Self.onOwnThread { Self.fuzz(body) }
        #expect(findings.leaks.isEmpty, "a value reached the words: \(findings.leaks.prefix(3))")
        #expect(findings.oddities.isEmpty, "\(findings.oddities.prefix(3))")
        // The mutations exercised both outcomes, not only one.
        #expect(findings.decoded > 0)
        if body != .validationError { #expect(findings.failed > 0) }
        if body == .endpointList || body == .deliveryList { #expect(findings.withUnreadableItems > 0) }
    }

    private static func fuzz(_ body: Body) -> Findings {
        var mutator = JSONMutator(seed: seed &+ UInt64(Body.allCases.firstIndex(of: body) ?? 0))
        let original = JSONMutator.Original(value(of: body))
        var findings = Findings()
        for _ in 0..<mutationsPerBody {
            let data = Data(mutator.mutate(original))
            let words: [String]
            switch body {
            case .endpoint: words = decodeObject(WebhookEndpoint.self, data, &findings)
            case .endpointList: words = decodeList(WebhookEndpoint.self, data, &findings)
            case .deliveryList: words = decodeList(WebhookDelivery.self, data, &findings)
            case .organizationList: words = decodeList(Organization.self, data, &findings)
            case .validationError:
                words = [ErrorMapping.error(status: 422, retryAfter: nil, body: data).description]
                findings.decoded += 1
            }
            findings.leaks += words.filter { $0.contains(sentinel) }.map { String($0.prefix(300)) }
        }
        return findings
    }

    private static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// Decodes a single object; the words are the problem when it fails.
    private static func decodeObject<T: Decodable>(_ kind: T.Type, _ data: Data, _ findings: inout Findings)
        -> [String]
    {
        do {
            _ = try PolarCoding.decoder.decode(T.self, from: Array(data))
            findings.decoded += 1
            return []
        } catch {
            findings.failed += 1
            if !(error is DecodingError) { findings.oddities.append("not a DecodingError: \(type(of: error))") }
            return [DecodingProblem.describe(error)]
        }
    }

    /// Decodes a page; the words are the unreadable items' problems, or the page's.
    private static func decodeList<Item: Codable & Sendable>(
        _ kind: Item.Type, _ data: Data, _ findings: inout Findings
    ) -> [String] {
        do {
            let page = try PolarCoding.decoder.decode(ListResource<Item>.self, from: Array(data))
            findings.decoded += 1
            findings.withUnreadableItems += page.unreadable.isEmpty ? 0 : 1
            let indices = page.unreadable.map(\.index)
            if Set(indices).count != indices.count { findings.oddities.append("an item reported twice: \(indices)") }
            if !indices.allSatisfy({ $0 >= 0 && $0 < page.items.count + page.unreadable.count }) {
                findings.oddities.append("an index outside the page: \(indices)")
            }
            return page.unreadable.map(\.description)
        } catch {
            findings.failed += 1
            if !(error is DecodingError) { findings.oddities.append("not a DecodingError: \(type(of: error))") }
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

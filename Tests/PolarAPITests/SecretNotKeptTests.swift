import Testing

@testable import PolarAPI

/// A create or update that supplied a secret says when Polar generated its own instead.
@Suite struct SecretNotKeptTests {
    private static let supplied = "my-own-secret-that-is-at-least-32-characters"
    private static let generated = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

    private func created(with secret: String?, answer: String) async throws -> EndpointWriteResult? {
        var result: EndpointWriteResult?
        try await withStub({ _, _ in .json(201, Fixtures.endpointJSON(secret: answer)) }) { _, client in
            result = try await client.createEndpointReportingSecret(
                WebhookEndpointCreate(url: "https://example.com/hook", format: .raw, events: [], secret: secret))
        }
        return result
    }

    @Test func replacedSecretIsReported() async throws {
        let result = try #require(try await created(with: Self.supplied, answer: Self.generated))
        let notice = try #require(result.secretNotKept)
        #expect(notice.endpointId == "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d")
        #expect(notice.usesStandardWebhookSignature)
        #expect(result.warning?.hasPrefix("Polar did not keep the secret you supplied; it generated its own.") == true)
        #expect(result.warning?.contains(Self.supplied) == false)
        #expect(result.warning?.contains(Self.generated) == false)
    }

    @Test func keptSecretIsQuiet() async throws {
        let result = try await created(with: Self.supplied, answer: Self.supplied)
        #expect(result?.secretNotKept == nil)
        #expect(result?.warning == nil)
    }

    @Test func noSuppliedSecretIsQuiet() async throws {
        let result = try await created(with: nil, answer: Self.generated)
        #expect(result?.secretNotKept == nil)
    }

    @Test func updateReportsToo() async throws {
        var result: EndpointWriteResult?
        try await withStub({ _, _ in .json(200, Fixtures.endpointJSON(secret: Self.generated)) }) { _, client in
            result = try await client.updateEndpointReportingSecret(
                id: "x", WebhookEndpointUpdate(secret: Self.supplied))
        }
        #expect(result?.secretNotKept != nil)
    }
}

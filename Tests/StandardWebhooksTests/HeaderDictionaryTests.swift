import Foundation
import StandardWebhooks
import Testing

@Suite("Verifying from a header dictionary")
struct HeaderDictionaryTests {
    private let verifier = WebhookVerifier(
        secret: SignatureVectors.legacySecret,
        now: { Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp)) })
    private let body = Array(SignatureVectors.body.utf8)
    private let complete = [
        "webhook-id": SignatureVectors.webhookID,
        "webhook-timestamp": "1789041600",
        "webhook-signature": SignatureVectors.legacySignature,
    ]

    @Test func headerNamesAreCaseInsensitive() throws {
        let mixed = [
            "Webhook-Id": SignatureVectors.webhookID,
            "WEBHOOK-TIMESTAMP": "1789041600",
            "webhook-Signature": SignatureVectors.legacySignature,
            "Content-Type": "application/json",
        ]
        #expect(try verifier.verify(headers: mixed, body: body) == .legacy)
    }

    @Test(
        "a missing header is named",
        arguments: ["webhook-id", "webhook-timestamp", "webhook-signature"])
    func missingHeaderIsNamed(name: String) {
        var headers = complete
        headers[name] = nil
        #expect(throws: WebhookVerificationError.missingHeader(name)) {
            try verifier.verify(headers: headers, body: body)
        }
    }

    @Test(
        "an empty header counts as missing",
        arguments: ["webhook-id", "webhook-timestamp", "webhook-signature"])
    func emptyHeaderCountsAsMissing(name: String) {
        var headers = complete
        headers[name] = ""
        #expect(throws: WebhookVerificationError.missingHeader(name)) {
            try verifier.verify(headers: headers, body: body)
        }
    }

    @Test("a malformed timestamp is reported", arguments: ["soon", "1789041600.5x", "0x6aa3", "1e9"])
    func malformedTimestamp(value: String) {
        var headers = complete
        headers["webhook-timestamp"] = value
        #expect(throws: WebhookVerificationError.malformedTimestamp(value)) {
            try verifier.verify(headers: headers, body: body)
        }
    }
}

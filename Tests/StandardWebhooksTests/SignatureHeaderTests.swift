import Foundation
import StandardWebhooks
import Testing

@Suite("The webhook-signature header")
struct SignatureHeaderTests {
    private let verifier = WebhookVerifier(
        secret: SignatureVectors.standardSecret,
        now: { Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp)) })
    private let body = Array(SignatureVectors.body.utf8)
    private let otherSignature = "v1,xwPaw3lnUG5+oPSYvtdOAutvIPLuR7VIn8q3VnwgH8M="

    private func verify(_ header: String) throws(WebhookVerificationError) -> SigningScheme {
        try verifier.verify(
            id: SignatureVectors.webhookID, timestamp: "1789041600", signatureHeader: header, body: body)
    }

    @Test func matchingEntryMayComeFirstMiddleOrLast() throws {
        let good = SignatureVectors.standardSignature
        for header in [
            "\(good) \(otherSignature) \(otherSignature)",
            "\(otherSignature) \(good) \(otherSignature)",
            "\(otherSignature) \(otherSignature) \(good)",
        ] {
            #expect(try verify(header) == .standard)
        }
    }

    @Test func severalNonMatchingEntriesFail() {
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verify("\(otherSignature) \(otherSignature)")
        }
    }

    @Test func otherVersionsAreIgnoredEvenWhenTheyCarryTheRightBytes() {
        let rightBytes = SignatureVectors.standardSignature.dropFirst(3)
        #expect(throws: WebhookVerificationError.noVersionOneSignature) {
            try verify("v1a,\(rightBytes) v2,\(rightBytes) v0,\(rightBytes)")
        }
    }

    @Test func otherVersionsBesideAMatchingV1AreSkipped() throws {
        let header =
            "v1a,c29tZXRoaW5n v2,\(otherSignature.dropFirst(3)) \(SignatureVectors.standardSignature)"
        #expect(try verify(header) == .standard)
    }

    @Test func headerWithoutAnyV1EntryIsReported() {
        for header in ["", "   ", "v1a,abc", "garbage", "v1"] {
            #expect(throws: WebhookVerificationError.noVersionOneSignature) { try verify(header) }
        }
    }

    @Test func undecodableV1EntryIsSkippedNotFatal() throws {
        #expect(try verify("v1,***not-base64*** \(SignatureVectors.standardSignature)") == .standard)
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verify("v1,***not-base64***")
        }
    }

    @Test func extraWhitespaceBetweenEntriesIsTolerated() throws {
        #expect(
            try verify("  \(otherSignature)   \(SignatureVectors.standardSignature)  ") == .standard)
    }
}

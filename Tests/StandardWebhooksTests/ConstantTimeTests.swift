import Foundation
import StandardWebhooks
import Testing

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    private let reference: [UInt8] = Array(0..<32)

    @Test func equalBytesCompareEqual() {
        #expect(ConstantTime.isEqual(reference, Array(0..<32)))
        #expect(ConstantTime.isEqual([UInt8](), [UInt8]()))
    }

    @Test("a difference anywhere is detected", arguments: [0, 1, 15, 30, 31])
    func differenceAtAnyPosition(position: Int) {
        var other = reference
        other[position] ^= 0x80
        #expect(!ConstantTime.isEqual(reference, other))
    }

    @Test func differentLengthsAreUnequal() {
        #expect(!ConstantTime.isEqual(reference, reference.dropLast()))
        #expect(!ConstantTime.isEqual(reference, reference + [0]))
        #expect(!ConstantTime.isEqual(reference, [UInt8]()))
    }

    @Test func differentCollectionTypesCompareByContent() {
        #expect(ConstantTime.isEqual(Data(reference), reference))
    }

    @Test(
        "the verifier rejects a signature differing only in its first or last byte", arguments: [0, 31])
    func verifierComparesWholeSignature(position: Int) throws {
        var mac = try #require(
            Data(base64Encoded: String(SignatureVectors.standardSignature.dropFirst(3))))
        mac[position] ^= 0x01
        let verifier = WebhookVerifier(
            secret: SignatureVectors.standardSecret,
            now: { Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp)) })
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verifier.verify(
                id: SignatureVectors.webhookID, timestamp: "1789041600",
                signatureHeader: "v1," + mac.base64EncodedString(), body: Array(SignatureVectors.body.utf8))
        }
    }

    @Test func truncatedSignatureIsRejected() throws {
        let mac = try #require(
            Data(base64Encoded: String(SignatureVectors.standardSignature.dropFirst(3))))
        let truncated = mac.prefix(16).base64EncodedString()
        let verifier = WebhookVerifier(
            secret: SignatureVectors.standardSecret,
            now: { Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp)) })
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verifier.verify(
                id: SignatureVectors.webhookID, timestamp: "1789041600",
                signatureHeader: "v1," + truncated, body: Array(SignatureVectors.body.utf8))
        }
    }
}

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

    /// The real signature's MAC bytes, which the cases below change.
    static func realMAC() throws -> Data {
        try #require(Data(base64Encoded: String(SignatureVectors.standardSignature.dropFirst(3))))
    }

    /// Verifies the vector's message against `signature` (the header's `v1,` part).
    static func verifyVector(signedWith signature: Data) throws {
        let verifier = WebhookVerifier(
            secret: SignatureVectors.standardSecret,
            now: { Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp)) })
        _ = try verifier.verify(
            id: SignatureVectors.webhookID, timestamp: "1789041600",
            signatureHeader: "v1," + signature.base64EncodedString(), body: Array(SignatureVectors.body.utf8))
    }

    @Test(
        "the verifier rejects a signature differing only in its first or last byte", arguments: [0, 31])
    func verifierComparesWholeSignature(position: Int) throws {
        var mac = try Self.realMAC()
        mac[position] ^= 0x01
        #expect(throws: WebhookVerificationError.noMatchingSignature) { try Self.verifyVector(signedWith: mac) }
    }

    @Test func truncatedSignatureIsRejected() throws {
        let truncated = try Self.realMAC().prefix(16)
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try Self.verifyVector(signedWith: Data(truncated))
        }
    }
}

import Foundation
import StandardWebhooks
import Testing

@Suite("Verification")
struct VerifierTests {
    private let fixedClock: @Sendable () -> Date = {
        Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp))
    }
    private var body: [UInt8] { Array(SignatureVectors.body.utf8) }

    @Test("every vector verifies and reports its scheme", arguments: SignatureVectors.valid)
    func vectorVerifies(vector: SignatureVector) throws {
        let verifier = WebhookVerifier(secret: vector.secret, now: vector.clock)
        let scheme = try verifier.verify(
            id: vector.webhookID, timestamp: String(vector.webhookTimestamp),
            signatureHeader: vector.webhookSignature, body: vector.bodyBytes)
        #expect(scheme.rawValue == vector.scheme)
    }

    @Test("every must-fail vector is rejected", arguments: SignatureVectors.mustFail)
    func mustFailVectorIsRejected(vector: SignatureVector) {
        let verifier = WebhookVerifier(secret: vector.secret, now: vector.clock)
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verifier.verify(
                id: vector.webhookID, timestamp: String(vector.webhookTimestamp),
                signatureHeader: vector.webhookSignature, body: vector.bodyBytes)
        }
    }

    @Test("what the signer produces, the verifier accepts", arguments: SigningScheme.allCases)
    func signThenVerifyRoundTrips(scheme: SigningScheme) throws {
        let secret = WebhookSecret.generate()
        let signer = try WebhookSigner(secret: secret, scheme: scheme)
        let now = Date()
        let timestamp = Int(now.timeIntervalSince1970)
        let headers = signer.headers(id: "msg_1", timestamp: timestamp, body: body)
        let verifier = WebhookVerifier(secret: secret, now: { now })
        let dictionary = Dictionary(uniqueKeysWithValues: headers.map { ($0.name, $0.value) })
        #expect(try verifier.verify(headers: dictionary, body: body) == scheme)
    }

    /// The signed message with one part changed; none of them verifies against the real signature.
    static let tamperedParts: [(part: String, id: String, timestamp: String, body: [UInt8])] = {
        let body = Array(SignatureVectors.body.utf8)
        var flipped = body
        flipped[flipped.count - 2] ^= 0x01
        return [
            ("body", SignatureVectors.webhookID, "1789041600", flipped),
            ("id", "0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2c", "1789041600", body),
            ("timestamp", SignatureVectors.webhookID, "1789041601", body),
            ("empty body", SignatureVectors.webhookID, "1789041600", []),
        ]
    }()

    @Test("a tampered part fails", arguments: 0..<tamperedParts.count)
    func tamperedPartFails(index: Int) {
        let tampered = Self.tamperedParts[index]
        let verifier = WebhookVerifier(secret: SignatureVectors.standardSecret, now: fixedClock)
        #expect(throws: WebhookVerificationError.noMatchingSignature, "tampered \(tampered.part)") {
            try verifier.verify(
                id: tampered.id, timestamp: tampered.timestamp,
                signatureHeader: SignatureVectors.standardSignature, body: tampered.body)
        }
    }

    @Test func legacyIsTriedBeforeStandard() throws {
        // A secret whose legacy and standard keys both exist: each signature maps back to its own scheme.
        let secret = SignatureVectors.standardSecret
        let verifier = WebhookVerifier(secret: secret, now: fixedClock)
        for scheme in SigningScheme.allCases {
            let signature = try WebhookSigner(secret: secret, scheme: scheme)
                .signature(id: "x", timestamp: SignatureVectors.timestamp, body: body)
            #expect(
                try verifier.verify(
                    id: "x", timestamp: "1789041600", signatureHeader: signature, body: body) == scheme)
        }
    }

    @Test func legacySecretThatIsNotBase64StillVerifies() throws {
        let secret = "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK"
        let signature = try WebhookSigner(secret: secret, scheme: .legacy)
            .signature(id: "x", timestamp: SignatureVectors.timestamp, body: body)
        let verifier = WebhookVerifier(secret: secret, now: fixedClock)
        #expect(
            try verifier.verify(id: "x", timestamp: "1789041600", signatureHeader: signature, body: body)
                == .legacy)
    }
}

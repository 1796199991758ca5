import Foundation
import StandardWebhooks
import Testing

@Suite("Timestamp tolerance")
struct ToleranceTests {
    private let body = Array(SignatureVectors.body.utf8)

    /// Verifies the standard vector with the clock set `offset` seconds after its timestamp.
    private func verify(
        clockOffset offset: TimeInterval, tolerance: Duration = .seconds(300)
    ) throws(WebhookVerificationError) -> SigningScheme {
        let instant = Date(timeIntervalSince1970: TimeInterval(SignatureVectors.timestamp) + offset)
        let verifier = WebhookVerifier(
            secret: SignatureVectors.standardSecret, tolerance: tolerance, now: { instant })
        return try verifier.verify(
            id: SignatureVectors.webhookID, timestamp: "1789041600",
            signatureHeader: SignatureVectors.standardSignature, body: body)
    }

    @Test(
        "inside or exactly at ±5 minutes passes", arguments: [-300.0, -299.0, 0.0, 299.0, 300.0, 300.9])
    func withinTolerance(offset: TimeInterval) throws {
        #expect(try verify(clockOffset: offset) == .standard)
    }

    @Test func oneSecondTooOld() {
        #expect(
            throws: WebhookVerificationError.timestampTooOld(ageSeconds: 301, toleranceSeconds: 300)
        ) {
            try verify(clockOffset: 301)
        }
    }

    @Test func oneSecondTooNew() {
        #expect(
            throws: WebhookVerificationError.timestampTooNew(aheadSeconds: 301, toleranceSeconds: 300)
        ) {
            try verify(clockOffset: -301)
        }
    }

    @Test func customToleranceIsHonoured() throws {
        #expect(try verify(clockOffset: 10, tolerance: .seconds(10)) == .standard)
        #expect(throws: WebhookVerificationError.timestampTooOld(ageSeconds: 11, toleranceSeconds: 10)) {
            try verify(clockOffset: 11, tolerance: .seconds(10))
        }
        #expect(
            throws: WebhookVerificationError.timestampTooNew(aheadSeconds: 11, toleranceSeconds: 10)
        ) {
            try verify(clockOffset: -11, tolerance: .seconds(10))
        }
    }

    @Test func staleTimestampIsRejectedBeforeTheSignatureIsChecked() {
        // With the real clock the 2026 vectors are far off: the freshness check must win over a valid signature.
        let verifier = WebhookVerifier(secret: SignatureVectors.standardSecret)
        #expect {
            try verifier.verify(
                id: SignatureVectors.webhookID, timestamp: "1789041600",
                signatureHeader: SignatureVectors.standardSignature, body: body)
        } throws: { error in
            switch error as? WebhookVerificationError {
            case .timestampTooOld, .timestampTooNew: return true
            default: return false
            }
        }
    }

    @Test func messagesSayByHowMuch() {
        let old = WebhookVerificationError.timestampTooOld(ageSeconds: 400, toleranceSeconds: 300)
            .description
        #expect(old.contains("too old"))
        #expect(old.contains("400 seconds"))
        #expect(old.contains("100 seconds beyond"))
        let new = WebhookVerificationError.timestampTooNew(aheadSeconds: 360, toleranceSeconds: 300)
            .description
        #expect(new.contains("too new"))
        #expect(new.contains("60 seconds beyond"))
    }
}

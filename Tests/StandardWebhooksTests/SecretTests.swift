import Foundation
import StandardWebhooks
import Testing

@Suite("Secret generation")
struct SecretTests {
    @Test func generatedSecretHasPolarsStandardShape() throws {
        let secret = WebhookSecret.generate()
        #expect(secret.count == 50)
        #expect(secret.hasPrefix("whsec_"))
        let key = try #require(Data(base64Encoded: String(secret.dropFirst(6))))
        #expect(key.count == 32)
        #expect(WebhookSecret.isStandardFormat(secret))
    }

    @Test func twoGeneratedSecretsDiffer() {
        #expect(WebhookSecret.generate() != WebhookSecret.generate())
    }

    @Test func generatedSecretsUseTheStandardScheme() throws {
        // Verification must report `.standard` for a generated secret signed the standard way.
        let secret = WebhookSecret.generate()
        let now = Date()
        let timestamp = Int(now.timeIntervalSince1970)
        let signature = try WebhookSigner(secret: secret, scheme: .standard)
            .signature(id: "id", timestamp: timestamp, body: [UInt8]("{}".utf8))
        let scheme = try WebhookVerifier(secret: secret, now: { now })
            .verify(
                id: "id", timestamp: String(timestamp), signatureHeader: signature, body: [UInt8]("{}".utf8)
            )
        #expect(scheme == .standard)
    }

    @Test(
        "formats that are not standard",
        arguments: [
            "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK",  // legacy: 43 alphanumerics
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",  // no prefix
            "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxw=",  // 30 bytes
            "my-own-merchant-secret-at-least-32-chars!",
            "whsec_",
            "",
        ])
    func notStandardFormat(secret: String) {
        #expect(!WebhookSecret.isStandardFormat(secret))
    }

    @Test func vectorStandardSecretIsStandardFormat() {
        #expect(WebhookSecret.isStandardFormat(SignatureVectors.standardSecret))
    }
}

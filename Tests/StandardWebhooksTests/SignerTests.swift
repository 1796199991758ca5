import StandardWebhooks
import Testing

@Suite("Signing")
struct SignerTests {
    @Test("signing reproduces every vector", arguments: SignatureVectors.valid)
    func signReproducesVector(vector: SignatureVector) throws {
        let scheme = try #require(vector.scheme.flatMap(SigningScheme.init(rawValue:)))
        let signer = try WebhookSigner(secret: vector.secret, scheme: scheme)
        let signature = signer.signature(
            id: vector.webhookID, timestamp: vector.webhookTimestamp, body: vector.bodyBytes)
        // The rotation vector lists a foreign entry first; ours must be one of the listed entries.
        let listed = vector.webhookSignature.split(separator: " ").map(String.init)
        #expect(listed.contains(signature))
        #expect(signature.hasPrefix("v1,"))
    }

    @Test func theTwoSchemesGiveDifferentSignaturesForTheSameSecret() throws {
        let legacy = try WebhookSigner(secret: SignatureVectors.standardSecret, scheme: .legacy)
        let standard = try WebhookSigner(secret: SignatureVectors.standardSecret, scheme: .standard)
        let body = Array(SignatureVectors.body.utf8)
        #expect(
            legacy.signature(id: "a", timestamp: 1, body: body)
                != standard.signature(id: "a", timestamp: 1, body: body))
    }

    @Test func headersCarryIdTimestampAndSignatureInOrder() throws {
        let signer = try WebhookSigner(secret: SignatureVectors.standardSecret, scheme: .standard)
        let headers = signer.headers(
            id: SignatureVectors.webhookID, timestamp: SignatureVectors.timestamp,
            body: Array(SignatureVectors.body.utf8))
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(
            headers.map(\.value) == [
                SignatureVectors.webhookID, "1789041600", SignatureVectors.standardSignature,
            ])
    }

    @Test func bodyCanBeAnyByteCollection() throws {
        let signer = try WebhookSigner(secret: SignatureVectors.legacySecret, scheme: .legacy)
        let fromArray = signer.signature(
            id: SignatureVectors.webhookID, timestamp: SignatureVectors.timestamp,
            body: Array(SignatureVectors.body.utf8))
        let fromView = signer.signature(
            id: SignatureVectors.webhookID, timestamp: SignatureVectors.timestamp,
            body: SignatureVectors.body.utf8)
        #expect(fromArray == SignatureVectors.legacySignature)
        #expect(fromView == fromArray)
    }

    @Test func standardSchemeRejectsSecretThatIsNotBase64() {
        #expect(throws: WebhookSecretError.notBase64) {
            try WebhookSigner(secret: "whsec_not*base64!", scheme: .standard)
        }
    }

    @Test func emptySecretIsRejectedByBothSchemes() {
        #expect(throws: WebhookSecretError.empty) { try WebhookSigner(secret: "", scheme: .legacy) }
        #expect(throws: WebhookSecretError.empty) {
            try WebhookSigner(secret: "whsec_", scheme: .standard)
        }
    }

    @Test func secretErrorMessagesExplainWithoutRevealingTheSecret() {
        let message = WebhookSecretError.notBase64.description
        #expect(message.contains("base64"))
        #expect(message.contains("standard"))
    }

    @Test func standardSchemeAcceptsTheKeyWithoutPrefixOrPadding() throws {
        let unprefixed = try WebhookSigner(
            secret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", scheme: .standard)
        let unpadded = try WebhookSigner(
            secret: "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", scheme: .standard)
        let body = Array(SignatureVectors.body.utf8)
        for signer in [unprefixed, unpadded] {
            #expect(
                signer.signature(
                    id: SignatureVectors.webhookID, timestamp: SignatureVectors.timestamp, body: body)
                    == SignatureVectors.standardSignature)
        }
    }
}

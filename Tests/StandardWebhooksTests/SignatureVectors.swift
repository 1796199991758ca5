import Foundation
import Testing

/// A copy of docs/polar-api/signature-vectors.json (computed with standardwebhooks 1.1.0).
struct SignatureVector: Sendable, CustomTestStringConvertible {
    let name: String
    let secret: String
    let scheme: String?
    let webhookID: String
    let webhookTimestamp: Int
    let body: String
    let webhookSignature: String

    var testDescription: String { name }
    var bodyBytes: [UInt8] { Array(body.utf8) }
    /// A clock standing exactly at the vector's timestamp (the vectors are far from today).
    var clock: @Sendable () -> Date {
        let instant = Date(timeIntervalSince1970: TimeInterval(webhookTimestamp))
        return { instant }
    }
}

enum SignatureVectors {
    static let webhookID = "0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b"
    static let timestamp = 1_789_041_600
    static let body =
        #"{"type":"order.paid","timestamp":"2026-09-10T12:00:00.123456Z","api_version":"2026-04","data":{"id":"5b8c5e4e-0000-4000-8000-000000000001"}}"#
    static let legacySecret = "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ABCDEFG"
    static let standardSecret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    static let legacySignature = "v1,IOPF9JgPjaD2cOHDy3WEmQHLj1IldemBGPHae+zD4aU="
    static let standardSignature = "v1,ZjibUeFZO94ZIpLeOkTm7NINvKOelKPzvu55dxug9W4="

    static let valid: [SignatureVector] = [
        SignatureVector(
            name:
                "legacy secret (uses_standard_webhook_signature=false): key = UTF-8 bytes of the whole secret",
            secret: legacySecret, scheme: "legacy", webhookID: webhookID, webhookTimestamp: timestamp,
            body: body,
            webhookSignature: legacySignature),
        SignatureVector(
            name:
                "standard secret (uses_standard_webhook_signature=true): key = base64-decode of the part after whsec_",
            secret: standardSecret, scheme: "standard", webhookID: webhookID, webhookTimestamp: timestamp,
            body: body,
            webhookSignature: standardSignature),
        SignatureVector(
            name: "merchant-supplied secret (always legacy)",
            secret: "my-own-merchant-secret-at-least-32-chars!", scheme: "legacy", webhookID: webhookID,
            webhookTimestamp: timestamp, body: body,
            webhookSignature: "v1,KQisFWND11PbwSoWPeIkudo8yTVefVw+A13QkIpZxpo="),
        SignatureVector(
            name: "space-separated list (rotation): any v1 entry may match",
            secret: standardSecret, scheme: "standard", webhookID: webhookID, webhookTimestamp: timestamp,
            body: body,
            webhookSignature: "v1,xwPaw3lnUG5+oPSYvtdOAutvIPLuR7VIn8q3VnwgH8M= " + standardSignature),
    ]

    static let mustFail: [SignatureVector] = [
        SignatureVector(
            name: "body changed by one byte",
            secret: standardSecret, scheme: nil, webhookID: webhookID, webhookTimestamp: timestamp,
            body: body.replacingOccurrences(of: "order.paid", with: "order.pair"),
            webhookSignature: standardSignature),
        SignatureVector(
            name: "right signature, wrong secret",
            secret: "whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=", scheme: nil,
            webhookID: webhookID,
            webhookTimestamp: timestamp, body: body, webhookSignature: standardSignature),
    ]
}

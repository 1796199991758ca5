import Crypto
import FoundationEssentials

/// Derives HMAC keys from Polar secrets and computes `v1` signatures.
enum SigningKey {
    static let secretPrefix = "whsec_"

    /// The key for `secret` under `scheme`.
    static func derive(from secret: String, scheme: SigningScheme) throws(WebhookSecretError)
        -> SymmetricKey
    {
        switch scheme {
        case .legacy:
            guard !secret.isEmpty else { throw .empty }
            return SymmetricKey(data: Data(secret.utf8))
        case .standard:
            // Like the Standard Webhooks libraries, accept the encoded key with or without its prefix.
            let encoded =
                secret.hasPrefix(secretPrefix) ? String(secret.dropFirst(secretPrefix.count)) : secret
            guard !encoded.isEmpty else { throw .empty }
            // Missing `=` padding is tolerated, as in the official SDK's verifier.
            let padded = encoded + String(repeating: "=", count: (4 - encoded.count % 4) % 4)
            guard let bytes = Data(base64Encoded: padded), !bytes.isEmpty else { throw .notBase64 }
            return SymmetricKey(data: bytes)
        }
    }

    /// Base64 of HMAC-SHA256 over `"{id}.{timestamp}.{body}"`, without the `v1,` prefix.
    static func signature(key: SymmetricKey, id: String, timestamp: Int, body: some Collection<UInt8>)
        -> String
    {
        Data(mac(key: key, id: id, timestamp: timestamp, body: body)).base64EncodedString()
    }

    /// The raw HMAC-SHA256 over `"{id}.{timestamp}.{body}"`.
    static func mac(key: SymmetricKey, id: String, timestamp: Int, body: some Collection<UInt8>)
        -> [UInt8]
    {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Data(id.utf8))
        hmac.update(data: Data(".".utf8))
        hmac.update(data: Data(String(timestamp).utf8))
        hmac.update(data: Data(".".utf8))
        hmac.update(data: Array(body))
        return Array(hmac.finalize())
    }
}

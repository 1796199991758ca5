import Crypto

/// Signs webhook deliveries the way Polar does (Standard Webhooks v1, CONTRACT.md §5.2).
public struct WebhookSigner: Sendable {
    /// The key derivation this signer uses.
    public let scheme: SigningScheme
    private let key: SymmetricKey

    /// Prepares a signer for `secret`.
    ///
    /// - Throws: `WebhookSecretError` when the secret is empty, or when `scheme` is `.standard`
    ///   and the part after `whsec_` is not base64.
    public init(secret: String, scheme: SigningScheme) throws(WebhookSecretError) {
        self.scheme = scheme
        self.key = try SigningKey.derive(from: secret, scheme: scheme)
    }

    /// The `webhook-signature` header value: `v1,<base64 HMAC-SHA256>`.
    public func signature(id: String, timestamp: Int, body: some Collection<UInt8>) -> String {
        "v1," + SigningKey.signature(key: key, id: id, timestamp: timestamp, body: body)
    }

    /// The three signing headers, in the order Polar sends them.
    public func headers(id: String, timestamp: Int, body: some Collection<UInt8>) -> [(
        name: String, value: String
    )] {
        [
            (name: "webhook-id", value: id),
            (name: "webhook-timestamp", value: String(timestamp)),
            (name: "webhook-signature", value: signature(id: id, timestamp: timestamp, body: body)),
        ]
    }
}

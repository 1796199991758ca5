import FoundationEssentials

/// Polar-style endpoint secrets.
public enum WebhookSecret {
    /// Number of random bytes in a standard secret (`WEBHOOK_SECRET_KEY_BYTES`).
    public static let keyByteCount = 32

    /// A new standard-format secret: `whsec_` + base64 of 32 bytes from the system CSPRNG (50 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keyByteCount)
        while bytes.count < keyByteCount {
            let word = generator.next() as UInt64
            withUnsafeBytes(of: word) { bytes.append(contentsOf: $0) }
        }
        return SigningKey.secretPrefix + Data(bytes.prefix(keyByteCount)).base64EncodedString()
    }

    /// True when `secret` is `whsec_` followed by base64 of exactly 32 bytes, the shape Polar generates
    /// since 2026-09-08. Legacy secrets (`whsec_` + 43 alphanumerics) and merchant-supplied ones are not.
    public static func isStandardFormat(_ secret: String) -> Bool {
        guard secret.hasPrefix(SigningKey.secretPrefix) else { return false }
        let encoded = secret.dropFirst(SigningKey.secretPrefix.count)
        guard let bytes = Data(base64Encoded: String(encoded)) else { return false }
        return bytes.count == keyByteCount
    }
}

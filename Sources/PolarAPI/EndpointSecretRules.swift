import StandardWebhooks

/// Polar's rules for an endpoint's signing secret (CONTRACT.md §2.3, §5.1), written once for
/// the form, the commands and the emulator.
public enum EndpointSecretRules {
    /// The shortest secret Polar accepts from a merchant (`min_length=32`).
    public static let minimumLength = 32

    /// What is wrong with a secret the user gave, in words; nil when Polar would take it.
    ///
    /// Polar itself only counts characters. Printable ASCII without spaces is asked for as
    /// well: the secret is pasted into receivers' configuration, where anything else breaks.
    public static func problem(with secret: String) -> String? {
        if secret.count < minimumLength {
            return "needs \(minimumLength)+ characters, has \(secret.count)"
        }
        if !secret.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) {
            return "must be printable ASCII without spaces"
        }
        return nil
    }

    /// A strong secret in the form Polar generates today: `whsec_` and the base64 of 32 bytes
    /// from the system's CSPRNG.
    public static func generate() -> String { WebhookSecret.generate() }
}

/// Why a secret cannot be turned into a signing key.
///
/// The messages never contain the secret itself.
public enum WebhookSecretError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The secret is the empty string (or only the `whsec_` prefix).
    case empty
    /// A standard-scheme secret whose part after `whsec_` is not valid base64.
    case notBase64

    public var description: String {
        switch self {
        case .empty:
            return "The webhook secret is empty."
        case .notBase64:
            return "The webhook secret cannot be used with the standard signing scheme: "
                + "the part after \"whsec_\" is not valid base64."
        }
    }
}

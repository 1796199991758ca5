/// Why an incoming webhook was rejected.
///
/// The messages never contain the secret or the expected signature.
public enum WebhookVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required header is absent; the associated value is its name, e.g. `webhook-id`.
    case missingHeader(String)
    /// `webhook-timestamp` is not a whole number of Unix seconds.
    case malformedTimestamp(String)
    /// The timestamp lies further in the past than the tolerance allows.
    case timestampTooOld(ageSeconds: Int, toleranceSeconds: Int)
    /// The timestamp lies further in the future than the tolerance allows.
    case timestampTooNew(aheadSeconds: Int, toleranceSeconds: Int)
    /// `webhook-signature` holds no `v1,` entry at all.
    case noVersionOneSignature
    /// There are `v1,` entries, but none matches the body under either key derivation.
    case noMatchingSignature

    public var description: String {
        switch self {
        case .missingHeader(let name):
            return "The webhook has no \(name) header."
        case .malformedTimestamp(let value):
            return
                "The webhook-timestamp header \"\(value.prefix(40))\" is not a whole number of Unix seconds."
        case .timestampTooOld(let age, let tolerance):
            return "The webhook timestamp is too old: it is \(age) seconds in the past, "
                + "\(age - tolerance) seconds beyond the allowed \(tolerance) seconds."
        case .timestampTooNew(let ahead, let tolerance):
            return "The webhook timestamp is too new: it is \(ahead) seconds in the future, "
                + "\(ahead - tolerance) seconds beyond the allowed \(tolerance) seconds."
        case .noVersionOneSignature:
            return "The webhook-signature header has no \"v1,\" entry."
        case .noMatchingSignature:
            return "No signature in the webhook-signature header matches the body with this secret."
        }
    }
}

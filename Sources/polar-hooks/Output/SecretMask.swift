/// How a signing secret is shown when the user did not ask to see it.
enum SecretMask {
    static let dots = "••••"

    /// `whsec_••••` for a standard secret, `••••` for a merchant-chosen one (its prefix could
    /// be part of the secret).
    static func masked(_ secret: String) -> String {
        secret.hasPrefix("whsec_") ? "whsec_" + dots : dots
    }

    static func display(_ secret: String, reveal: Bool) -> String {
        reveal ? secret : masked(secret)
    }
}

import PolarAPI

/// Tells the user when a secret they sent is not the one the endpoint now signs with.
enum SecretOutcome {
    /// The warning to print, or nil when nothing was sent or the server kept it.
    static func warning(sent secret: String?, endpoint: WebhookEndpoint) -> String? {
        guard let secret, endpoint.secret != secret else { return nil }
        return
            "the server did not keep the secret you supplied; the endpoint signs with the secret it returned (see --show-secret)"
    }

    static func report(sent secret: String?, endpoint: WebhookEndpoint, console: Console) {
        if let warning = warning(sent: secret, endpoint: endpoint) { console.warn(warning) }
    }
}

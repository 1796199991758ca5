import PolarAPI

/// Tells the user when a secret they sent is not the one the endpoint now signs with.
enum SecretOutcome {
    static func report(sent secret: String?, endpoint: WebhookEndpoint, console: Console) {
        guard let secret else { return }
        if endpoint.secret != secret {
            console.warn(
                "the server did not keep the secret you supplied; the endpoint signs with the secret it returned (see --show-secret)"
            )
        }
    }
}

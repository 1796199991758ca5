/// Polar answered a create or update that supplied a `secret` with a different secret: it
/// ignored the (deprecated) field and generated its own. Callers show ``message`` so the user
/// configures their receiver with the secret Polar will actually sign with.
///
/// Neither secret is kept here, so the value is safe to log.
public struct SecretNotKept: Sendable, Hashable, CustomStringConvertible {
    public var endpointId: String
    /// Whether the endpoint now signs the Standard Webhooks way (base64-decoded key).
    public var usesStandardWebhookSignature: Bool

    public init(endpointId: String, usesStandardWebhookSignature: Bool) {
        self.endpointId = endpointId
        self.usesStandardWebhookSignature = usesStandardWebhookSignature
    }

    /// Nil when nothing was supplied or Polar kept it; otherwise the notice.
    public init?(requested: String?, returned endpoint: WebhookEndpoint) {
        guard let requested, requested != endpoint.secret else { return nil }
        self.init(endpointId: endpoint.id, usesStandardWebhookSignature: endpoint.usesStandardWebhookSignature)
    }

    /// One sentence for a status line or the terminal.
    public var message: String {
        "Polar did not keep the secret you supplied; it generated its own. "
            + "Use the endpoint's current secret to verify deliveries."
    }

    public var description: String { message }
}

/// The endpoint a create or update returned, with what the caller should be told about it.
public struct EndpointWriteResult: Sendable, Hashable {
    public var endpoint: WebhookEndpoint
    /// Set when a supplied secret was replaced by one Polar generated.
    public var secretNotKept: SecretNotKept?

    public init(endpoint: WebhookEndpoint, secretNotKept: SecretNotKept?) {
        self.endpoint = endpoint
        self.secretNotKept = secretNotKept
    }

    /// The notice to show, if any (nil when the write went as asked).
    public var warning: String? { secretNotKept?.message }
}

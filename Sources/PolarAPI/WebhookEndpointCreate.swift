/// The body of `POST /v1/webhooks/endpoints`.
public struct WebhookEndpointCreate: Codable, Sendable, Hashable {
    public var url: String
    public var name: String?
    /// The payload version; nil lets the server choose (2026-04).
    public var apiVersion: APIVersion?
    public var format: WebhookFormat
    public var events: [WebhookEventType]
    /// Required with a user token that sees several organizations; must be nil with an
    /// organization token.
    public var organizationId: String?
    /// A merchant-chosen secret (deprecated by Polar, at least 32 characters). It is sent with
    /// `Polar-Version: 2026-04`, the last version that documents it, and signs the legacy way.
    public var secret: String?

    public init(
        url: String, name: String? = nil, apiVersion: APIVersion? = nil, format: WebhookFormat,
        events: [WebhookEventType], organizationId: String? = nil, secret: String? = nil
    ) {
        self.url = url
        self.name = name
        self.apiVersion = apiVersion
        self.format = format
        self.events = events
        self.organizationId = organizationId
        self.secret = secret
    }

    /// The request's keys; an unset optional is left out (`PolarCoding.requestEncoder`).
    enum CodingKeys: String, CodingKey {
        case url, name
        case apiVersion = "api_version"
        case format, events
        case organizationId = "organization_id"
        case secret
    }
}

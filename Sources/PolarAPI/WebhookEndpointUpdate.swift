/// The body of `PATCH /v1/webhooks/endpoints/{id}`. A nil field is left out of the JSON and
/// so left unchanged (the server treats `null` the same way).
public struct WebhookEndpointUpdate: Codable, Sendable, Hashable {
    public var url: String?
    /// Send `""` to clear a name: `null` cannot clear it.
    public var name: String?
    public var apiVersion: APIVersion?
    public var format: WebhookFormat?
    /// Replaces the whole list.
    public var events: [WebhookEventType]?
    public var enabled: Bool?
    /// A merchant-chosen secret (deprecated; sent with `Polar-Version: 2026-04`).
    public var secret: String?

    public init(
        url: String? = nil, name: String? = nil, apiVersion: APIVersion? = nil,
        format: WebhookFormat? = nil, events: [WebhookEventType]? = nil, enabled: Bool? = nil,
        secret: String? = nil
    ) {
        self.url = url
        self.name = name
        self.apiVersion = apiVersion
        self.format = format
        self.events = events
        self.enabled = enabled
        self.secret = secret
    }

    /// The request's keys; an unset optional is left out (`PolarCoding.requestEncoder`).
    enum CodingKeys: String, CodingKey {
        case url, name
        case apiVersion = "api_version"
        case format, events, enabled, secret
    }

    /// True when the update changes nothing.
    public var isEmpty: Bool {
        url == nil && name == nil && apiVersion == nil && format == nil && events == nil
            && enabled == nil && secret == nil
    }
}

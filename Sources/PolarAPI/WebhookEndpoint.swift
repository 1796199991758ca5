import FoundationEssentials

/// A webhook endpoint, exactly as Polar's API returns it.
public struct WebhookEndpoint: Codable, Sendable, Hashable, Identifiable {
    public var createdAt: Date
    public var modifiedAt: Date?
    public var id: String
    /// Where events are sent, as the server normalised it (lower-case host, trailing `/`).
    public var url: String
    public var name: String?
    /// The API version of the payloads sent to this endpoint.
    public var apiVersion: APIVersion
    public var format: WebhookFormat
    /// The signing secret, in clear text. Never log or draw it unless the user asks.
    public var secret: String
    public var organizationId: String
    public var events: [WebhookEventType]
    public var enabled: Bool
    /// True: the secret is used the Standard Webhooks way (base64-decoded key). False: the
    /// legacy way (the UTF-8 bytes of the whole secret).
    public var usesStandardWebhookSignature: Bool

    public init(
        createdAt: Date, modifiedAt: Date?, id: String, url: String, name: String?,
        apiVersion: APIVersion, format: WebhookFormat, secret: String, organizationId: String,
        events: [WebhookEventType], enabled: Bool, usesStandardWebhookSignature: Bool
    ) {
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.id = id
        self.url = url
        self.name = name
        self.apiVersion = apiVersion
        self.format = format
        self.secret = secret
        self.organizationId = organizationId
        self.events = events
        self.enabled = enabled
        self.usesStandardWebhookSignature = usesStandardWebhookSignature
    }

    /// The server's keys in the server's order, written once: the synthesized `encode(to:)`
    /// writes them in this order (with `PolarCoding.answerEncoder`, every key, `null` when absent).
    enum CodingKeys: String, CodingKey {
        case createdAt = "created_at"
        case modifiedAt = "modified_at"
        case id, url, name
        case apiVersion = "api_version"
        case format, secret
        case organizationId = "organization_id"
        case events, enabled
        case usesStandardWebhookSignature = "uses_standard_webhook_signature"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        modifiedAt = try c.decodeIfPresent(Date.self, forKey: .modifiedAt)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decode(String.self, forKey: .url)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        // Servers before the 2026-09 schema change omit these two; fall back to their meaning then.
        apiVersion = try c.decodeIfPresent(APIVersion.self, forKey: .apiVersion) ?? .v2026_04
        format = try c.decode(WebhookFormat.self, forKey: .format)
        secret = try c.decode(String.self, forKey: .secret)
        organizationId = try c.decode(String.self, forKey: .organizationId)
        events = try c.decode([WebhookEventType].self, forKey: .events)
        enabled = try c.decode(Bool.self, forKey: .enabled)
        usesStandardWebhookSignature =
            try c.decodeIfPresent(Bool.self, forKey: .usesStandardWebhookSignature) ?? false
    }

    /// The name when there is one, otherwise the URL: what a list shows.
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        return url
    }
}

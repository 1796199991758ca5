import FoundationEssentials

/// One event Polar produced for an endpoint; every delivery embeds it.
public struct WebhookEvent: Codable, Sendable, Hashable, Identifiable {
    public var createdAt: Date
    public var modifiedAt: Date?
    public var id: String
    /// The HTTP status of the latest attempt; nil if none was made or the URL was unreachable.
    public var lastHttpCode: Int?
    /// nil while pending or retrying.
    public var succeeded: Bool?
    /// The endpoint was disabled when a send was due.
    public var skipped: Bool
    public var apiVersion: APIVersion
    /// The exact body sent (JSON text); nil once archived after 90 days.
    public var payload: String?
    public var type: WebhookEventType
    public var isArchived: Bool

    public init(
        createdAt: Date, modifiedAt: Date?, id: String, lastHttpCode: Int?, succeeded: Bool?,
        skipped: Bool, apiVersion: APIVersion, payload: String?, type: WebhookEventType,
        isArchived: Bool
    ) {
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.id = id
        self.lastHttpCode = lastHttpCode
        self.succeeded = succeeded
        self.skipped = skipped
        self.apiVersion = apiVersion
        self.payload = payload
        self.type = type
        self.isArchived = isArchived
    }

    /// The server's keys in the server's order, written once (see ``WebhookEndpoint``).
    enum CodingKeys: String, CodingKey {
        case createdAt = "created_at"
        case modifiedAt = "modified_at"
        case id
        case lastHttpCode = "last_http_code"
        case succeeded, skipped
        case apiVersion = "api_version"
        case payload, type
        case isArchived = "is_archived"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        modifiedAt = try c.decodeIfPresent(Date.self, forKey: .modifiedAt)
        id = try c.decode(String.self, forKey: .id)
        lastHttpCode = try c.decodeIfPresent(Int.self, forKey: .lastHttpCode)
        succeeded = try c.decodeIfPresent(Bool.self, forKey: .succeeded)
        skipped = try c.decodeIfPresent(Bool.self, forKey: .skipped) ?? false
        apiVersion = try c.decodeIfPresent(APIVersion.self, forKey: .apiVersion) ?? .v2026_04
        payload = try c.decodeIfPresent(String.self, forKey: .payload)
        type = try c.decode(WebhookEventType.self, forKey: .type)
        isArchived = try c.decodeIfPresent(Bool.self, forKey: .isArchived) ?? (payload == nil)
    }
}

import FoundationEssentials

/// One HTTP attempt to deliver an event.
public struct WebhookDelivery: Codable, Sendable, Hashable, Identifiable {
    public var createdAt: Date
    public var modifiedAt: Date?
    public var id: String
    /// A 2xx status; anything else, or no answer, is a failure.
    public var succeeded: Bool
    /// nil when the endpoint was unreachable.
    public var httpCode: Int?
    /// The first 2048 characters of the receiver's answer, or the network error. Written by a
    /// stranger's server: sanitize before drawing.
    public var response: String?
    public var webhookEvent: WebhookEvent

    public init(
        createdAt: Date, modifiedAt: Date?, id: String, succeeded: Bool, httpCode: Int?,
        response: String?, webhookEvent: WebhookEvent
    ) {
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.id = id
        self.succeeded = succeeded
        self.httpCode = httpCode
        self.response = response
        self.webhookEvent = webhookEvent
    }

    /// The server's keys in the server's order, written once (see ``WebhookEndpoint``).
    enum CodingKeys: String, CodingKey {
        case createdAt = "created_at"
        case modifiedAt = "modified_at"
        case id, succeeded
        case httpCode = "http_code"
        case response
        case webhookEvent = "webhook_event"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        modifiedAt = try c.decodeIfPresent(Date.self, forKey: .modifiedAt)
        id = try c.decode(String.self, forKey: .id)
        succeeded = try c.decode(Bool.self, forKey: .succeeded)
        httpCode = try c.decodeIfPresent(Int.self, forKey: .httpCode)
        response = try c.decodeIfPresent(String.self, forKey: .response)
        webhookEvent = try c.decode(WebhookEvent.self, forKey: .webhookEvent)
    }
}

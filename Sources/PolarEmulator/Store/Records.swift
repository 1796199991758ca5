import FoundationEssentials
import PolarAPI

/// An endpoint as stored: the API object plus what the API does not show.
struct EndpointRecord: Codable, Sendable, Equatable {
    var endpoint: WebhookEndpoint
    /// Set by DELETE; the endpoint then answers 404 but its deliveries stay listed.
    var deletedAt: Date?

    enum CodingKeys: String, CodingKey {
        case endpoint
        case deletedAt = "deleted_at"
    }

    var isLive: Bool { deletedAt == nil }
}

/// An event as stored, with the endpoint and organization it belongs to.
struct EventRecord: Codable, Sendable, Equatable {
    var event: WebhookEvent
    var endpointId: String
    var organizationId: String

    enum CodingKeys: String, CodingKey {
        case event
        case endpointId = "endpoint_id"
        case organizationId = "organization_id"
    }
}

/// One delivery attempt as stored; the event is joined in when listed.
struct DeliveryRecord: Codable, Sendable, Equatable {
    var id: String
    var createdAt: Date
    var modifiedAt: Date?
    var succeeded: Bool
    var httpCode: Int?
    var response: String?
    var eventId: String
    var endpointId: String

    enum CodingKeys: String, CodingKey {
        case id
        case createdAt = "created_at"
        case modifiedAt = "modified_at"
        case succeeded
        case httpCode = "http_code"
        case response
        case eventId = "event_id"
        case endpointId = "endpoint_id"
    }
}

/// Everything the emulator keeps; also the state file's shape.
struct StoreSnapshot: Codable, Sendable, Equatable {
    /// Marks the file as ours; a different value is refused.
    var format: String = StoreSnapshot.formatName
    var endpoints: [EndpointRecord] = []
    var events: [EventRecord] = []
    var deliveries: [DeliveryRecord] = []

    static let formatName = "polar-hooks-emulator-state/1"
}

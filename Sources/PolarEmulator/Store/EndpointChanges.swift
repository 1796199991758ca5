import FoundationEssentials
import PolarAPI

/// A validated PATCH body; nil means "leave unchanged".
struct EndpointChanges: Sendable, Equatable {
    var url: String?
    var name: String?
    var apiVersion: APIVersion?
    var format: WebhookFormat?
    var events: [WebhookEventType]?
    var enabled: Bool?
    var secret: String?
}

/// The validated filters of `GET /v1/webhooks/deliveries`.
struct DeliveryQuery: Sendable, Equatable {
    var endpointIds: [String] = []
    var start: Date?
    var end: Date?
    var succeeded: Bool?
    var query: String?
    /// 2 for `2xx`, etc.
    var httpCodeClass: Int?
    var eventTypes: [WebhookEventType] = []
}

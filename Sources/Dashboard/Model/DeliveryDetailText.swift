import PolarAPI
import PolarJSON

/// The long texts of an open delivery detail, prepared once by `update` when the detail opens
/// (indenting a large payload on every frame would make scrolling it slow).
struct DeliveryDetailText: Hashable, Sendable {
    /// The delivery these texts belong to.
    let deliveryID: String
    /// The payload as sent, indented when it is JSON; nil when the event is archived.
    let payload: String?
    /// The receiver's answer, indented when it is JSON; nil when it was empty.
    let response: String?

    init(_ delivery: WebhookDelivery) {
        deliveryID = delivery.id
        let event = delivery.webhookEvent
        payload = event.isArchived ? nil : event.payload.map { JSONPrettyPrinter.indent($0) ?? $0 }
        response = delivery.response.flatMap { $0.isEmpty ? nil : (JSONPrettyPrinter.indent($0) ?? $0) }
    }
}

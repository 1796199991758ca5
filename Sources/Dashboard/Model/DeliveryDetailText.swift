import PolarAPI
import PolarJSON

/// An open delivery detail: the delivery itself and its long texts, prepared once by `update`
/// when the detail opens (indenting a large payload on every frame would make scrolling it slow).
///
/// The detail keeps its own copy of the delivery so that a reload whose rows no longer hold it
/// (a new filter, a page that moved on) cannot close or change what the user is reading.
struct DeliveryDetailText: Hashable, Sendable {
    /// The delivery shown.
    let delivery: WebhookDelivery
    /// The id of the delivery shown.
    var deliveryID: String { delivery.id }
    /// The payload as sent, indented when it is JSON; nil when the event is archived.
    let payload: String?
    /// The receiver's answer, indented when it is JSON, or Polar's description of the failure;
    /// nil when nothing was stored.
    let response: String?
    /// True when `response` is Polar's own words about a failure, not the receiver's body.
    let responseIsPolarsNote: Bool

    init(_ delivery: WebhookDelivery) {
        self.delivery = delivery
        let event = delivery.webhookEvent
        payload = event.isArchived ? nil : event.payload.map { JSONPrettyPrinter.indent($0) ?? $0 }
        switch delivery.responseSource {
        case .none:
            response = nil
            responseIsPolarsNote = false
        case .receiver(let text):
            response = JSONPrettyPrinter.indent(text) ?? text
            responseIsPolarsNote = false
        case .polarError(let text):
            response = text
            responseIsPolarsNote = true
        }
    }
}

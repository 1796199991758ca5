import PolarAPI
import PolarJSON

extension WebhookEvent {
    /// The event as the server writes it, for answers that add fields to it.
    var serverJSON: JSONValue {
        // An event always encodes; the fallback only keeps the type total.
        (try? PolarCoding.answerEncoder.jsonValue(self)) ?? .null
    }
}

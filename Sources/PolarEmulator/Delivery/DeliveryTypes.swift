import PolarAPI
import StandardWebhooks

/// What the worker does next for an event.
enum DeliveryPlan: Sendable, Equatable {
    case send(DeliveryRequest)
    /// Archived, deleted or disabled: no attempt.
    case stop
}

/// Everything one attempt needs, read from the store at send time (so a reset secret applies
/// to retries at once).
struct DeliveryRequest: Sendable, Equatable {
    var eventId: String
    var endpointId: String
    var url: String
    var secret: String
    var scheme: SigningScheme
    var payload: String
    var apiVersion: APIVersion
}

/// The outcome of one HTTP attempt.
struct DeliveryResult: Sendable, Equatable {
    var succeeded: Bool
    /// nil when nothing answered.
    var httpCode: Int?
    var response: String?

    static let externalDeliveryOff = DeliveryResult(
        succeeded: false, httpCode: nil,
        response:
            "emulator: delivery to external hosts is off; start the emulator with --deliver-external to send it"
    )
}

import PolarAPI
import StandardWebhooks

/// What the worker does next for an event.
enum DeliveryPlan: Sendable, Equatable {
    case send(DeliveryRequest)
    /// Earlier events of the endpoint have no delivery yet: try again later (the FIFO guard).
    case wait(earlierPending: Int)
    /// Archived, disabled, or already succeeded: no attempt.
    case stop
}

/// After an attempt: done, or a retry once the backoff for this many deliveries has passed.
enum AttemptOutcome: Sendable, Equatable {
    case finished
    case retry(deliveries: Int)
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

    /// The emulator's own refusal (not a Polar text): nothing leaves the machine unless asked.
    static let externalDeliveryOff = DeliveryResult(
        succeeded: false, httpCode: nil,
        response:
            "emulator: delivery to external hosts is off; start the emulator with --deliver-external to send it"
    )
}

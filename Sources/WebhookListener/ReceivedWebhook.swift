import FoundationEssentials
import StandardWebhooks

/// One webhook that reached the listener, what the signature check said, and what became of it.
public struct ReceivedWebhook: Sendable {
    /// What the signature check found.
    public enum Verification: Sendable, Equatable {
        /// It verified; the key derivation that matched.
        case verified(SigningScheme)
        /// It did not; why, in words that never contain the secret.
        case failed(WebhookVerificationError)
        /// No secret was given, so nothing was checked.
        case notChecked
    }

    /// Where the webhook went after the check.
    public enum Forwarding: Sendable, Equatable {
        /// Answered by the listener itself (no forward URL).
        case notForwarded
        /// Not sent on, because the signature did not verify.
        case withheld
        /// The forward target answered with this status after `milliseconds`.
        case answered(status: Int, milliseconds: Int)
        /// The forward target could not be reached or did not answer in time.
        case unreachable(reason: String)
        /// Not sent on, because this very attempt was received before (see ``Recurrence``).
        case skippedDuplicate
    }

    /// Whether a verified webhook repeats one received within the tolerance window (5 min).
    /// Only verified webhooks are remembered and compared: anyone can send the rest.
    public enum Recurrence: Sendable, Equatable {
        /// Not seen within the window, or not verified.
        case first
        /// Another attempt of an event seen within the window: same `webhook-id`, a new
        /// `webhook-timestamp`. Polar sends one when someone asks for a redelivery (or retries
        /// after an answer it did not get); it is handled like the first.
        case redelivery
        /// The same attempt again: same `webhook-id` and `webhook-timestamp`, so the same signed
        /// request. Polar never sends one; a replay or a proxy sending twice does. It is answered
        /// 200 and not forwarded.
        case duplicate
    }

    /// 1 for the first webhook since the listener started, and so on.
    public let sequence: Int
    public let receivedAt: Date
    public let path: String
    /// `webhook-id`: Polar's event id, the same for every retry of one event.
    public let webhookID: String?
    /// `webhook-timestamp` as sent (Unix seconds).
    public let timestamp: String?
    /// `webhook-signature` as sent, so a saved webhook can be checked again with `verify`.
    public let signature: String?
    /// `webhook-api-version`, when Polar sent it.
    public let apiVersion: String?
    /// The `type` of the JSON payload, when the body is JSON with one.
    public let eventType: String?
    /// The body exactly as received.
    public let body: [UInt8]
    public let verification: Verification
    public let recurrence: Recurrence
    public let forwarding: Forwarding
    /// The status the listener answered Polar with.
    public let answeredStatus: Int
    /// Every request header, in the order received, for saving the webhook whole.
    public let headers: [Header]

    /// One request header as received.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        sequence: Int, receivedAt: Date, path: String, webhookID: String?, timestamp: String?, signature: String?,
        apiVersion: String?,
        eventType: String?, body: [UInt8], verification: Verification, recurrence: Recurrence = .first,
        forwarding: Forwarding, answeredStatus: Int, headers: [Header] = []
    ) {
        self.sequence = sequence
        self.receivedAt = receivedAt
        self.path = path
        self.webhookID = webhookID
        self.timestamp = timestamp
        self.signature = signature
        self.apiVersion = apiVersion
        self.eventType = eventType
        self.body = body
        self.verification = verification
        self.recurrence = recurrence
        self.forwarding = forwarding
        self.answeredStatus = answeredStatus
        self.headers = headers
    }
}

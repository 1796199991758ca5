import PolarAPI

/// What a batch redelivery did.
struct RedeliveryOutcome {
    var queued: [WebhookEvent] = []
    var failures: [String] = []
}

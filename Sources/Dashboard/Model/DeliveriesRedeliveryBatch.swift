import PolarAPI

/// `B`: one redelivery request per failed event in view. The answers arrive one by one; the
/// status line speaks once, when the last is in, so N events give one message, not N.
struct RedeliveryBatch: Sendable {
    /// An event to send again.
    struct Event: Hashable, Sendable {
        let id: String
        let type: WebhookEventType
    }

    /// Requests not answered yet.
    var pending: Set<RequestID>
    var queued = 0
    var failed = 0
    /// The first failure's reason, to say why in words.
    var firstError: String?
    /// Archived events left out when the batch started.
    let skippedArchived: Int

    var isDone: Bool { pending.isEmpty }

    /// What happened, for the status line ("Redelivery queued for 3 events").
    var summary: String {
        let total = queued + failed
        var text: String
        if failed == 0 {
            text = "Redelivery queued for \(counted(queued, "event"))"
        } else if queued == 0 {
            text = "Redelivery failed for \(total == 1 ? "the event" : "all \(counted(total, "event"))")"
        } else {
            text = "Redelivery queued for \(queued) of \(counted(total, "event")); \(failed) failed"
        }
        if let firstError { text += ": \(firstError)" }
        if skippedArchived > 0 { text += " (\(counted(skippedArchived, "archived event")) skipped)" }
        return text
    }
}

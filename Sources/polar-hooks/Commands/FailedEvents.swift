import PolarAPI

/// Picks the events to redeliver from a set of delivery attempts: each event once, and only
/// if its latest attempt failed (an event with a later successful delivery is not failed).
enum FailedEvents {
    struct Selection: Equatable {
        /// Failed events, oldest first, so they are redelivered in the order they happened.
        var events: [WebhookEvent]
        /// Failed events skipped because their payload is archived (a redelivery would do nothing).
        var archived: [WebhookEvent]
    }

    static func select(from deliveries: [WebhookDelivery]) -> Selection {
        var latest: [String: WebhookDelivery] = [:]
        for delivery in deliveries {
            let id = delivery.webhookEvent.id
            if let current = latest[id],
                (current.createdAt, current.id) >= (delivery.createdAt, delivery.id)
            {
                continue
            }
            latest[id] = delivery
        }
        let failed = latest.values
            .filter { !$0.succeeded && $0.webhookEvent.succeeded != true }
            .map(\.webhookEvent)
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return Selection(
            events: failed.filter { !$0.isArchived }, archived: failed.filter(\.isArchived))
    }
}

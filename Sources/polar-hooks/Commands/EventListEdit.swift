import PolarAPI

/// The read-modify-write of an endpoint's event list for `--add-event` / `--remove-event`.
struct EventListEdit: Equatable {
    /// The new list: the current order kept, added types appended once, removed ones gone.
    let result: [WebhookEventType]
    /// Types asked to be removed that were not in the list.
    let notSubscribed: [WebhookEventType]

    init(current: [WebhookEventType], adding: [WebhookEventType], removing: [WebhookEventType]) {
        let removedSet = Set(removing)
        var seen = Set<WebhookEventType>()
        var list: [WebhookEventType] = []
        for type in current + adding where !removedSet.contains(type) && seen.insert(type).inserted {
            list.append(type)
        }
        result = list
        let currentSet = Set(current + adding)
        notSubscribed = removing.filter { !currentSet.contains($0) }
    }
}

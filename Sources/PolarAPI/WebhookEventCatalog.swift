/// The 42 webhook event types Polar documents (2027-01 spec, SDK 1.0.2), each with its
/// group as Polar's dashboard shows it and a one-line meaning.
public enum WebhookEventCatalog {
    /// One known event type.
    public struct Entry: Sendable, Hashable {
        public let type: WebhookEventType
        public let summary: String
    }

    /// A group of event types sharing a prefix, labelled as Polar's dashboard labels it.
    public struct Group: Sendable, Hashable, Identifiable {
        /// Human label, e.g. "Benefit Grant".
        public let name: String
        /// The shared prefix, e.g. `benefit_grant`.
        public let prefix: String
        /// Members sorted alphabetically, as in the dashboard.
        public let entries: [Entry]
        public var id: String { prefix }
        public var types: [WebhookEventType] { entries.map(\.type) }
    }

    /// Every known type, in the API's enum order.
    public static let entries: [Entry] = [
        ("checkout.created", "A checkout session was created."),
        ("checkout.updated", "A checkout session changed, e.g. its status or amount."),
        ("checkout.expired", "A checkout session expired without payment."),
        ("customer.created", "A customer was created."),
        ("customer.updated", "A customer's details changed."),
        ("customer.deleted", "A customer was deleted."),
        ("customer.state_changed", "A customer's active subscriptions or benefits changed."),
        ("customer_seat.assigned", "A seat was assigned to a customer."),
        ("customer_seat.claimed", "An assigned seat was claimed by its holder."),
        ("customer_seat.revoked", "A seat was taken back from a customer."),
        ("member.created", "A member was added to a customer."),
        ("member.updated", "A customer member's details changed."),
        ("member.deleted", "A member was removed from a customer."),
        ("order.created", "An order was created (checkout or subscription renewal)."),
        ("order.updated", "An order changed, e.g. its status."),
        ("order.paid", "An order was fully paid."),
        ("order.refunded", "An order was refunded, fully or in part."),
        ("subscription.created", "A subscription was created (it may not be active yet)."),
        ("subscription.updated", "A subscription changed in any way."),
        ("subscription.active", "A subscription became active."),
        ("subscription.canceled", "A subscription was set to cancel at period end."),
        ("subscription.uncanceled", "A pending cancellation was withdrawn."),
        ("subscription.cycled", "A subscription renewed into a new billing period."),
        ("subscription.revoked", "A subscription ended and access was revoked."),
        ("subscription.past_due", "A renewal payment failed; the subscription is past due."),
        ("subscription.paused", "A subscription was paused."),
        ("subscription.resumed", "A paused subscription was resumed."),
        ("subscription.migrated", "A subscription was migrated from another provider."),
        ("refund.created", "A refund was created."),
        ("refund.updated", "A refund changed, e.g. it succeeded or failed."),
        ("product.created", "A product was created."),
        ("product.updated", "A product changed, e.g. its prices or archival."),
        ("discount.created", "A discount was created."),
        ("discount.updated", "A discount changed."),
        ("discount.deleted", "A discount was deleted."),
        ("benefit.created", "A benefit was created."),
        ("benefit.updated", "A benefit changed."),
        ("benefit_grant.created", "A benefit was granted to a customer."),
        ("benefit_grant.cycled", "A benefit grant renewed with its subscription."),
        ("benefit_grant.updated", "A benefit grant changed."),
        ("benefit_grant.revoked", "A benefit grant was revoked from a customer."),
        ("organization.updated", "The organization's settings changed."),
    ].map { Entry(type: WebhookEventType(rawValue: $0.0), summary: $0.1) }

    /// Every known type, in the API's enum order.
    public static var allTypes: [WebhookEventType] { entries.map(\.type) }

    /// Groups sorted by label, members sorted alphabetically (Polar's dashboard order).
    public static let groups: [Group] = {
        var byPrefix: [String: [Entry]] = [:]
        for entry in entries { byPrefix[String(entry.type.prefix), default: []].append(entry) }
        return byPrefix.map { prefix, members in
            Group(
                name: label(forPrefix: prefix), prefix: prefix,
                entries: members.sorted { $0.type < $1.type })
        }
        .sorted { $0.name < $1.name }
    }()

    /// The catalog entry of a type, or nil for a type this build does not know.
    public static func entry(for type: WebhookEventType) -> Entry? { index[type] }

    /// The group label for a prefix: `_` becomes a space and words are title-cased.
    public static func label(forPrefix prefix: String) -> String {
        prefix.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// Known types closest to `text` by edit distance, best first (for "did you mean").
    public static func suggestions(for text: String, limit: Int = 3) -> [WebhookEventType] {
        let lowered = text.lowercased()
        let scored = entries.map { ($0.type, editDistance(lowered, $0.type.rawValue)) }
        let threshold = max(3, lowered.count / 3)
        return scored.filter { $0.1 <= threshold }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    private static let index: [WebhookEventType: Entry] = Dictionary(
        uniqueKeysWithValues: entries.map { ($0.type, $0) })

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

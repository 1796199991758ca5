import FoundationEssentials
import Logging
import PolarAPI
import StandardWebhooks

/// The emulator's data: endpoints, events and deliveries, with the indexes that keep lists fast
/// at 10,000 endpoints. Every change is written to the state file when there is one.
actor EmulatorStore {
    // Internal rather than private only so the store's extensions in other files reach them.
    var endpoints: [String: EndpointRecord] = [:]
    /// Live endpoint ids per organization, oldest first (by `created_at`, then id).
    private var endpointOrder: [String: [String]] = [:]
    var events: [String: EventRecord] = [:]
    /// Oldest first.
    var deliveries: [DeliveryRecord] = []
    /// Deliveries per event id: Polar's attempt cap counts them (CONTRACT.md §5.4).
    var deliveryCounts: [String: Int] = [:]
    /// Per endpoint id, the events without any delivery yet: what the FIFO guard looks at.
    var undelivered: [String: Set<String>] = [:]

    private let stateFile: StateFile?
    let logger: Logger
    let urlRules: URLValidation

    init(snapshot: StoreSnapshot, stateFile: StateFile?, urlRules: URLValidation, logger: Logger) {
        self.stateFile = stateFile
        self.urlRules = urlRules
        self.logger = logger
        (endpoints, endpointOrder, events, deliveries) = Self.indexes(for: snapshot)
        (deliveryCounts, undelivered) = Self.deliveryIndexes(events: events, deliveries: deliveries)
    }

    private static func deliveryIndexes(events: [String: EventRecord], deliveries: [DeliveryRecord]) -> (
        [String: Int], [String: Set<String>]
    ) {
        var counts: [String: Int] = [:]
        for delivery in deliveries { counts[delivery.eventId, default: 0] += 1 }
        var undelivered: [String: Set<String>] = [:]
        for record in events.values where counts[record.event.id] == nil {
            undelivered[record.endpointId, default: []].insert(record.event.id)
        }
        return (counts, undelivered)
    }

    private static func indexes(for snapshot: StoreSnapshot) -> (
        [String: EndpointRecord], [String: [String]], [String: EventRecord], [DeliveryRecord]
    ) {
        var endpoints: [String: EndpointRecord] = [:]
        for record in snapshot.endpoints { endpoints[record.endpoint.id] = record }
        var order: [String: [String]] = [:]
        let live = snapshot.endpoints.filter(\.isLive).sorted {
            Self.isOrdered($0.endpoint, $1.endpoint)
        }
        for record in live {
            order[record.endpoint.organizationId, default: []].append(record.endpoint.id)
        }
        var events: [String: EventRecord] = [:]
        for record in snapshot.events { events[record.event.id] = record }
        let deliveries = snapshot.deliveries.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return (endpoints, order, events, deliveries)
    }

    private static func isOrdered(_ a: WebhookEndpoint, _ b: WebhookEndpoint) -> Bool {
        (a.createdAt, a.id) < (b.createdAt, b.id)
    }

    // MARK: Whole state

    var snapshot: StoreSnapshot {
        StoreSnapshot(
            endpoints: endpoints.values.sorted { Self.isOrdered($0.endpoint, $1.endpoint) },
            events: events.values.sorted {
                ($0.event.createdAt, $0.event.id) < ($1.event.createdAt, $1.event.id)
            },
            deliveries: deliveries)
    }

    /// Replaces everything (the admin reset).
    func replace(with snapshot: StoreSnapshot) {
        (endpoints, endpointOrder, events, deliveries) = Self.indexes(for: snapshot)
        (deliveryCounts, undelivered) = Self.deliveryIndexes(events: events, deliveries: deliveries)
        persist()
    }

    func counts() -> (endpoints: Int, events: Int, deliveries: Int, pendingEvents: Int) {
        (
            endpointOrder.values.reduce(0) { $0 + $1.count }, events.count, deliveries.count,
            events.values.filter {
                $0.event.succeeded == nil && !$0.event.skipped && $0.event.payload != nil
            }.count
        )
    }

    /// Writes the state file; a failure is logged, never shown to API callers.
    func persist() {
        guard let stateFile else { return }
        do {
            try stateFile.save(snapshot)
        } catch {
            logger.error("Cannot write the state file \(stateFile.path): \(error)")
        }
    }

    // MARK: Endpoints

    func listEndpoints(caller: Caller, organizationIds: [String]?, page: PageRequest) -> ListResource<
        WebhookEndpoint
    > {
        let visible = caller.organizationIds.filter { organizationIds?.contains($0) ?? true }
        let lists = visible.compactMap { endpointOrder[$0] }.filter { !$0.isEmpty }
        let total = lists.reduce(0) { $0 + $1.count }
        var items: [WebhookEndpoint] = []
        if lists.count == 1, let ids = lists.first {
            // Newest first: walk the oldest-first list from its end.
            let start = ids.count - page.offset
            if page.offset < ids.count {
                let end = max(start - page.limit, 0)
                for index in stride(from: start - 1, through: end, by: -1) {
                    if let endpoint = endpoints[ids[index]]?.endpoint { items.append(endpoint) }
                }
            }
        } else if !lists.isEmpty {
            // A k-way merge from the newest end, stopping once the page is full.
            var cursors = lists.map { $0.count - 1 }
            var position = 0
            while items.count < page.limit {
                var best: (list: Int, endpoint: WebhookEndpoint)? = nil
                for (list, cursor) in cursors.enumerated() where cursor >= 0 {
                    guard let candidate = endpoints[lists[list][cursor]]?.endpoint else { continue }
                    if best.map({ Self.isOrdered($0.endpoint, candidate) }) ?? true {
                        best = (list, candidate)
                    }
                }
                guard let chosen = best else { break }
                cursors[chosen.list] -= 1
                if page.contains(position: position) { items.append(chosen.endpoint) }
                position += 1
            }
        }
        return ListResource(items: items, pagination: page.pagination(total: total))
    }

    /// A live endpoint the caller may see.
    func endpoint(id: String, caller: Caller) -> WebhookEndpoint? {
        guard let record = endpoints[id], record.isLive,
            caller.canSee(organization: record.endpoint.organizationId)
        else { return nil }
        return record.endpoint
    }

    func insert(_ endpoint: WebhookEndpoint) {
        endpoints[endpoint.id] = EndpointRecord(endpoint: endpoint, deletedAt: nil)
        var ids = endpointOrder[endpoint.organizationId, default: []]
        // Usually the newest, so check the end before searching.
        if let lastId = ids.last, let last = endpoints[lastId]?.endpoint,
            !Self.isOrdered(last, endpoint)
        {
            var low = 0
            var high = ids.count
            while low < high {
                let middle = (low + high) / 2
                if let other = endpoints[ids[middle]]?.endpoint, Self.isOrdered(other, endpoint) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            ids.insert(endpoint.id, at: low)
        } else {
            ids.append(endpoint.id)
        }
        endpointOrder[endpoint.organizationId] = ids
        persist()
    }

    /// Applies a PATCH. Nil fields are left unchanged.
    func update(id: String, caller: Caller, changes: EndpointChanges) throws(APIFailure)
        -> WebhookEndpoint
    {
        guard var endpoint = endpoint(id: id, caller: caller) else { throw .resourceNotFound }
        if changes.enabled == true, !endpoint.enabled {
            // Polar checks the URL as stored, before this PATCH applies, so a new `url` in the
            // same body does not help (CONTRACT.md §2.5). A stored URL may predate today's rules
            // (or come from an --allow-insecure-urls run).
            if case .failure = urlRules.validate(.string(endpoint.url), loc: ["body", "url"]) {
                throw .serviceValidation([
                    ValidationItem(
                        type: "value_error", loc: ["body", "enabled"],
                        msg:
                            "Cannot enable a webhook endpoint with an invalid URL. Please update the URL first.",
                        input: true)
                ])
            }
        }
        if let url = changes.url { endpoint.url = url }
        if let name = changes.name { endpoint.name = name }
        if let apiVersion = changes.apiVersion { endpoint.apiVersion = apiVersion }
        if let format = changes.format { endpoint.format = format }
        if let events = changes.events { endpoint.events = events }
        if let enabled = changes.enabled { endpoint.enabled = enabled }
        if let secret = changes.secret {
            endpoint.secret = secret
            endpoint.usesStandardWebhookSignature = false
        }
        // Only a body with some non-null field updates the row (and so `modified_at`), even
        // when every value equals the stored one (CONTRACT.md §2.5).
        guard changes != EndpointChanges() else { return endpoint }
        endpoint.modifiedAt = Date()
        endpoints[id]?.endpoint = endpoint
        persist()
        return endpoint
    }

    func delete(id: String, caller: Caller) throws(APIFailure) {
        guard let endpoint = endpoint(id: id, caller: caller) else { throw .resourceNotFound }
        endpoints[id]?.deletedAt = Date()
        endpointOrder[endpoint.organizationId]?.removeAll { $0 == id }
        persist()
    }

    func resetSecret(id: String, caller: Caller) throws(APIFailure) -> WebhookEndpoint {
        guard var endpoint = endpoint(id: id, caller: caller) else { throw .resourceNotFound }
        endpoint.secret = EndpointSecretRules.generate()
        endpoint.usesStandardWebhookSignature = true
        endpoint.modifiedAt = Date()
        endpoints[id]?.endpoint = endpoint
        persist()
        return endpoint
    }

    // MARK: Deliveries

    func listDeliveries(caller: Caller, filter: DeliveryQuery, page: PageRequest) -> ListResource<
        WebhookDelivery
    > {
        var endpointIds: Set<String>? = nil
        if !filter.endpointIds.isEmpty {
            let usable = filter.endpointIds.filter { endpoint(id: $0, caller: caller) != nil }
            if usable.isEmpty { return ListResource(items: [], pagination: page.pagination(total: 0)) }
            endpointIds = Set(usable)
        }
        let visible = Set(caller.organizationIds)
        let pattern = filter.query.map(ILikePattern.init(containing:))
        var total = 0
        var items: [WebhookDelivery] = []
        for delivery in deliveries.reversed() {
            if let endpointIds, !endpointIds.contains(delivery.endpointId) { continue }
            guard let event = events[delivery.eventId], visible.contains(event.organizationId) else {
                continue
            }
            if let start = filter.start, !(Self.micros(delivery.createdAt) > Self.micros(start)) {
                continue
            }
            if let end = filter.end, !(Self.micros(delivery.createdAt) < Self.micros(end)) { continue }
            if let succeeded = filter.succeeded, delivery.succeeded != succeeded { continue }
            if let codeClass = filter.httpCodeClass {
                guard let code = delivery.httpCode, code / 100 == codeClass else { continue }
            }
            if !filter.eventTypes.isEmpty, !filter.eventTypes.contains(event.event.type) { continue }
            if let pattern {
                let matches =
                    pattern.matches(delivery.id) || pattern.matches(delivery.eventId)
                    || (delivery.httpCode.map { pattern.matches(String($0)) } ?? false)
                if !matches { continue }
            }
            if page.contains(position: total) {
                items.append(
                    WebhookDelivery(
                        createdAt: delivery.createdAt, modifiedAt: delivery.modifiedAt, id: delivery.id,
                        succeeded: delivery.succeeded, httpCode: delivery.httpCode, response: delivery.response,
                        webhookEvent: event.event))
            }
            total += 1
        }
        return ListResource(items: items, pagination: page.pagination(total: total))
    }

    /// Timestamps compare at the microsecond precision the API shows.
    private static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    // MARK: Events

    /// Whether the caller may redeliver this event: it belongs to one of their organizations,
    /// even when its endpoint was deleted (CONTRACT.md §2.6, §2.9). Whether anything is sent is
    /// the worker's decision at send time, as in Polar's task.
    func canRedeliver(eventId: String, caller: Caller) -> Bool {
        guard let record = events[eventId] else { return false }
        return caller.canSee(organization: record.organizationId)
    }

    /// Creates one event per live, enabled endpoint that subscribes to `type`.
    func createEvents(type: WebhookEventType, organizationId: String?, now: Date = Date())
        -> [EventRecord]
    {
        let organizations = organizationId.map { [$0] } ?? EmulatorOrganizations.all.map(\.id)
        var created: [EventRecord] = []
        for organization in organizations {
            for id in endpointOrder[organization] ?? [] {
                guard let endpoint = endpoints[id]?.endpoint, endpoint.enabled,
                    endpoint.events.contains(type),
                    let payload = PayloadFactory.payload(type: type, endpoint: endpoint, timestamp: now)
                else { continue }
                let event = WebhookEvent(
                    createdAt: now, modifiedAt: nil, id: UUID().uuidString.lowercased(), lastHttpCode: nil,
                    succeeded: nil, skipped: false, apiVersion: endpoint.apiVersion, payload: payload,
                    type: type,
                    isArchived: false)
                let record = EventRecord(event: event, endpointId: id, organizationId: organization)
                events[event.id] = record
                undelivered[id, default: []].insert(event.id)
                created.append(record)
            }
        }
        if !created.isEmpty { persist() }
        return created
    }

    func event(id: String) -> EventRecord? { events[id] }

    /// The event types some live, enabled endpoint subscribes to, in a stable order.
    func subscribedEventTypes() -> [WebhookEventType] {
        var types: Set<WebhookEventType> = []
        for ids in endpointOrder.values {
            for id in ids {
                guard let endpoint = endpoints[id]?.endpoint, endpoint.enabled else { continue }
                types.formUnion(endpoint.events)
            }
        }
        return types.sorted { $0.rawValue < $1.rawValue }
    }
}

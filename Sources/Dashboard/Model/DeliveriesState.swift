import FoundationEssentials
import PolarAPI
import TerminalText
import TerminalUI
import TextTools

/// The deliveries browser of one endpoint (`D`): the rows the server sent for the current
/// filters, newest first. The filters are the server's, so changing one loads again.
struct DeliveriesState: Sendable {
    /// `f` cycles these; the server filters on `succeeded`.
    enum StatusFilter: Hashable, Sendable, CaseIterable {
        case all, succeeded, failed

        var succeeded: Bool? {
            switch self {
            case .all: nil
            case .succeeded: true
            case .failed: false
            }
        }

        var label: String {
            switch self {
            case .all: "all"
            case .succeeded: "succeeded"
            case .failed: "failed"
            }
        }
    }

    /// Rows fetched per request.
    static let pageSize = 100

    let endpointID: String
    let endpointName: String
    var deliveries: [WebhookDelivery] = []
    /// What the server says matches the filters (more than `deliveries` while pages remain).
    var totalCount = 0
    /// For a redelivery in flight whose event already has 9 or more deliveries: why Polar will
    /// make one attempt only, said when the redelivery is queued.
    var singleAttemptNotes: [RequestID: String] = [:]
    /// The last page fetched; the next one loads when the cursor reaches the end.
    var page = 0
    var maxPage = 1
    /// True once the first page arrived (an empty list then means "none", not "loading").
    var hasLoaded = false
    var list = ScrollList()
    var status = StatusFilter.all
    var httpClass: DeliveryFilter.HTTPCodeClass?
    /// `T`: the event types shown; empty means every type.
    var eventTypes: [WebhookEventType] = []
    /// The `T` picker while it is open; Enter applies it, Esc drops it.
    var typePicker: CheckTree?
    /// `/` in the `T` picker: the text that narrows its types, and whether it is being typed.
    var typeFilter = TextField()
    var isEditingTypeFilter = false
    /// `B`: the redeliveries in flight and how they went, for one status line at the end.
    var redeliveryBatch: RedeliveryBatch?
    var search = TextField()
    var isEditingSearch = false
    var loadRequest: RequestID?
    /// Enter: the focused delivery's detail replaces the list, its texts prepared once.
    var detail: DeliveryDetailText?
    /// Whether the detail of a delivery replaces the list.
    var showingDetail: Bool { detail != nil }
    var detailScroll = 0
    /// Deliveries that arrived by background refresh and that the cursor has not reached yet.
    var newIDs: Set<String> = []
    /// When background refresh last fetched the first page.
    var refreshedAt: Date?

    init(endpointID: String, endpointName: String) {
        self.endpointID = endpointID
        self.endpointName = endpointName
    }

    /// The server's filter for the current choices.
    var filter: DeliveryFilter {
        let query = search.text.trimmingWhitespace()
        return DeliveryFilter(
            endpointIds: [endpointID], succeeded: status.succeeded, query: query.isEmpty ? nil : query,
            httpCodeClass: httpClass, eventTypes: eventTypes)
    }

    /// The delivery under the cursor.
    var selected: WebhookDelivery? {
        deliveries.indices.contains(list.selected) ? deliveries[list.selected] : nil
    }

    /// Whether more pages match than have been fetched.
    var hasMore: Bool { page < maxPage && deliveries.count < totalCount }

    /// The filters in words, for the box title ("failed · 5xx · “abc”").
    var filterSummary: String {
        var parts: [String] = []
        if status != .all { parts.append(status.label) }
        if let httpClass { parts.append(httpClass.rawValue) }
        if !eventTypes.isEmpty { parts.append(counted(eventTypes.count, "type")) }
        if !search.isEmpty { parts.append("“\(Sanitizer.clean(search.text))”") }
        return parts.joined(separator: " · ")
    }

    /// The events of the failed deliveries in view, each once (newest delivery first), and how
    /// many of them are archived and so cannot be sent again.
    var failedEventsInView: (sendable: [RedeliveryBatch.Event], archived: Int) {
        var seen: Set<String> = []
        var sendable: [RedeliveryBatch.Event] = []
        var archived = 0
        for delivery in deliveries where !delivery.succeeded {
            let event = delivery.webhookEvent
            guard seen.insert(event.id).inserted else { continue }
            if event.isArchived || event.payload == nil {
                archived += 1
            } else {
                sendable.append(RedeliveryBatch.Event(id: event.id, type: event.type))
            }
        }
        return (sendable, archived)
    }

    /// Merges a freshly fetched first page: deliveries not seen before go in (newest first, so
    /// at the top) marked new, and the cursor stays on its delivery.
    mutating func addNew(_ items: [WebhookDelivery], totalCount: Int, visibleRows: Int) {
        let known = Set(deliveries.map(\.id))
        let fresh = items.filter { !known.contains($0.id) }
        guard !fresh.isEmpty else { return }
        let screenRow = list.selected - list.visibleRange(rows: visibleRows).lowerBound
        let keep = selected?.id
        add(fresh, replacing: false, visibleRows: visibleRows)
        newIDs.formUnion(fresh.map(\.id))
        if let keep, let index = deliveries.firstIndex(where: { $0.id == keep }) {
            list.select(index, atScreenRow: screenRow, visibleRows: visibleRows)
        }
        self.totalCount = max(self.totalCount + fresh.count, totalCount)
    }

    /// The cursor has reached the delivery under it: it is no longer new.
    mutating func markSeen() {
        if let id = selected?.id { newIDs.remove(id) }
    }

    /// Adds a page, newest first whatever order it came in, keeping the cursor on the delivery
    /// it was on (a reload keeps it too; new rows then appear above it). When page 1 replaces
    /// the rows and that delivery is not among them, the cursor stays on its row, as near as
    /// the new rows allow.
    mutating func add(_ items: [WebhookDelivery], replacing: Bool, visibleRows: Int) {
        let keep = selected?.id
        let row = list.selected
        if replacing { deliveries = [] }
        let known = Set(deliveries.map(\.id))
        deliveries += items.filter { !known.contains($0.id) }
        deliveries.sort { $0.createdAt > $1.createdAt }
        list.setCount(deliveries.count, visibleRows: visibleRows)
        if let keep, let index = deliveries.firstIndex(where: { $0.id == keep }) {
            list.select(index, visibleRows: visibleRows)
        } else if replacing {
            list.select(max(0, min(row, deliveries.count - 1)), visibleRows: visibleRows)
        }
    }
}

extension DeliveryFilter.HTTPCodeClass {
    /// `c` cycles all → 2xx → 3xx → 4xx → 5xx → all.
    static func next(after current: Self?) -> Self? {
        guard let current else { return allCases.first }
        guard let index = allCases.firstIndex(of: current), index + 1 < allCases.count else { return nil }
        return allCases[index + 1]
    }
}

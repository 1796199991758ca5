import FoundationEssentials

/// The filters of `GET /v1/webhooks/deliveries`. Every field is optional; empty arrays and
/// nils are left out of the query.
public struct DeliveryFilter: Sendable, Hashable {
    /// An HTTP status class the server can filter on.
    public enum HTTPCodeClass: String, Sendable, CaseIterable, Codable {
        case success = "2xx"
        case redirect = "3xx"
        case clientError = "4xx"
        case serverError = "5xx"
    }

    public var endpointIds: [String]
    /// Exclusive lower bound on `created_at`.
    public var start: Date?
    /// Exclusive upper bound on `created_at`.
    public var end: Date?
    public var succeeded: Bool?
    /// Case-insensitive substring of the delivery id, the event id or the HTTP code.
    public var query: String?
    public var httpCodeClass: HTTPCodeClass?
    public var eventTypes: [WebhookEventType]

    public init(
        endpointIds: [String] = [], start: Date? = nil, end: Date? = nil, succeeded: Bool? = nil,
        query: String? = nil, httpCodeClass: HTTPCodeClass? = nil, eventTypes: [WebhookEventType] = []
    ) {
        self.endpointIds = endpointIds
        self.start = start
        self.end = end
        self.succeeded = succeeded
        self.query = query
        self.httpCodeClass = httpCodeClass
        self.eventTypes = eventTypes
    }

    /// The query items, repeated keys for many values, as Polar expects.
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = endpointIds.map { ("endpoint_id", $0) }
        if let start { items.append(("start_timestamp", PolarTimestamp.format(start))) }
        if let end { items.append(("end_timestamp", PolarTimestamp.format(end))) }
        if let succeeded { items.append(("succeeded", succeeded ? "true" : "false")) }
        if let query, !query.isEmpty { items.append(("query", query)) }
        if let httpCodeClass { items.append(("http_code_class", httpCodeClass.rawValue)) }
        items += eventTypes.map { ("event_type", $0.rawValue) }
        return items
    }
}

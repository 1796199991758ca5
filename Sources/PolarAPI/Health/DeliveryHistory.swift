import FoundationEssentials
import TextTools

/// The recent deliveries of one endpoint, as much as health needs: the newest first, each
/// delivery once, bounded in count, and without payloads (a busy endpoint's history would
/// otherwise hold megabytes).
///
/// Deliveries arrive newest first, a page at a time: the first fetch takes the newest page,
/// later ones only what is newer (``newerThan``). A delivery fetched again replaces the copy
/// kept, since it carries the event's state as it is now.
public struct DeliveryHistory: Sendable, Hashable {
    /// One attempt, reduced to what health reads.
    public struct Attempt: Sendable, Hashable, Identifiable {
        public var id: String
        public var at: Date
        public var succeeded: Bool
        public var httpCode: Int?
        /// The first line of the receiver's answer (or of Polar's error text), at most 200
        /// characters, as it came: the display layer cleans it.
        public var firstLine: String?
        public var event: Event

        public init(_ delivery: WebhookDelivery) {
            id = delivery.id
            at = delivery.createdAt
            succeeded = delivery.succeeded
            httpCode = delivery.httpCode
            firstLine = delivery.response.map(Self.firstLine)
            event = Event(delivery.webhookEvent)
        }

        public init(id: String, at: Date, succeeded: Bool, httpCode: Int?, firstLine: String?, event: Event) {
            self.id = id
            self.at = at
            self.succeeded = succeeded
            self.httpCode = httpCode
            self.firstLine = firstLine
            self.event = event
        }

        static func firstLine(_ text: String) -> String {
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let trimmed = line.trimmingWhitespace()
            return trimmed.count > 200 ? String(trimmed.prefix(199)) + "…" : trimmed
        }
    }

    /// The event an attempt belongs to, as the attempt's listing saw it.
    public struct Event: Sendable, Hashable {
        public var id: String
        public var at: Date
        public var type: WebhookEventType
        /// true or false once all attempts are spent or one succeeded; nil while pending.
        public var succeeded: Bool?
        public var skipped: Bool

        public init(_ event: WebhookEvent) {
            self.init(
                id: event.id, at: event.createdAt, type: event.type, succeeded: event.succeeded, skipped: event.skipped)
        }

        public init(id: String, at: Date, type: WebhookEventType, succeeded: Bool?, skipped: Bool) {
            self.id = id
            self.at = at
            self.type = type
            self.succeeded = succeeded
            self.skipped = skipped
        }
    }

    /// How many attempts are kept: enough for the last ten events' retries and a day of a
    /// quiet endpoint, bounded for a busy one.
    public static let capacity = 500

    /// The attempts kept, newest first.
    public private(set) var attempts: [Attempt] = []
    /// True once a first fetch has been merged (an empty history then means "no deliveries").
    public private(set) var isLoaded = false

    public init() {}

    public init(_ deliveries: [WebhookDelivery]) {
        merge(deliveries)
    }

    /// The `start_timestamp` for the next fetch: a second before the newest attempt kept, so
    /// one stored in the same instant is not missed (the overlap is merged away by id).
    public var newerThan: Date? { attempts.first.map { $0.at.addingTimeInterval(-1) } }

    /// Adds a page (any order), replacing attempts already kept, newest first, within
    /// ``capacity``.
    public mutating func merge(_ deliveries: [WebhookDelivery]) {
        isLoaded = true
        guard !deliveries.isEmpty else { return }
        var byID: [String: Attempt] = [:]
        for attempt in attempts { byID[attempt.id] = attempt }
        for delivery in deliveries { byID[delivery.id] = Attempt(delivery) }
        attempts = byID.values.sorted { $0.at != $1.at ? $0.at > $1.at : $0.id > $1.id }
        if attempts.count > Self.capacity { attempts.removeLast(attempts.count - Self.capacity) }
    }

    /// Each event once, newest first, in the state its newest attempt reported.
    public var events: [Event] {
        var seen: Set<String> = []
        var events: [Event] = []
        for attempt in attempts where seen.insert(attempt.event.id).inserted {
            events.append(attempt.event)
        }
        return events.sorted { $0.at != $1.at ? $0.at > $1.at : $0.id > $1.id }
    }
}

import FoundationEssentials

/// How an endpoint's deliveries are going, and how close Polar is to disabling it: the one
/// definition the dashboard and `polar-hooks health` share.
///
/// Polar disables an endpoint when its last ``failureThreshold`` completed events have all
/// failed (CONTRACT.md §5.5). Health counts the same thing from the endpoint's recent
/// deliveries, grouped by webhook event: an event has succeeded, failed (all its attempts
/// spent), is pending (Polar retries up to 10 times over about half an hour), or was skipped
/// (the endpoint was disabled when a send was due; counted apart).
public struct EndpointHealth: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// The newest attempt succeeded and no completed event failed since the last success.
        case ok
        /// The newest attempt failed, or 1–9 consecutive completed events failed.
        case failing
        /// Disabled, and its last 10 completed events failed: Polar turned it off.
        case autoDisabled = "auto-disabled"
        /// Disabled by someone.
        case disabled
        /// No deliveries in the last 24 hours and nothing failing or pending.
        case idle
    }

    /// What one of the recent events came to, for the strip of the last ten.
    public enum Mark: String, Sendable, Hashable {
        case succeeded, failed, pending, retrying, skipped
    }

    /// One attempt, for "last delivery", "last failure".
    public struct AttemptSummary: Sendable, Hashable {
        public var at: Date
        public var httpCode: Int?
        public var succeeded: Bool
        /// The first line of the response, as it came (clean it before drawing).
        public var firstLine: String?
    }

    /// Events of the last 24 hours by outcome.
    public struct DayCounts: Sendable, Hashable {
        public var succeeded = 0
        public var failed = 0
        public var pending = 0
    }

    /// Attempts in one hour of the last 24.
    public struct Hour: Sendable, Hashable {
        public var succeeded = 0
        public var failed = 0
    }

    /// `WEBHOOK_FAILURE_THRESHOLD`: this many failed completed events in a row disable an endpoint.
    public static let failureThreshold = 10
    /// How many events the strip shows.
    public static let stripLength = 10

    public var state: State
    /// The newest completed events that failed, counted back to the newest success: the
    /// number Polar compares with ``failureThreshold``.
    public var consecutiveFailures: Int
    /// Pending events whose latest attempt failed: Polar is still retrying them.
    public var retrying: Int
    /// The last ten events, newest first.
    public var strip: [Mark]
    public var lastDelivery: AttemptSummary?
    public var lastSuccessAt: Date?
    public var lastFailure: AttemptSummary?
    public var day: DayCounts
    /// The last 24 hours, oldest first: attempts that succeeded and that failed in each hour.
    public var hours: [Hour]

    /// The health of `endpoint` from its recent `history`, as of `now`.
    public init(endpoint: WebhookEndpoint, history: DeliveryHistory, now: Date) {
        let attempts = history.attempts
        let events = history.events.filter { !$0.skipped || $0.succeeded != nil }
        let latestAttempt = Dictionary(attempts.reversed().map { ($0.event.id, $0) }) { _, newer in newer }

        var consecutive = 0
        for event in events where event.succeeded != nil {
            if event.succeeded == true { break }
            consecutive += 1
        }
        self.consecutiveFailures = consecutive
        self.retrying = events.filter { $0.succeeded == nil && latestAttempt[$0.id]?.succeeded == false }.count
        self.strip = history.events.prefix(Self.stripLength).map { event in
            switch event.succeeded {
            case true?: .succeeded
            case false?: .failed
            case nil where event.skipped: .skipped
            case nil: latestAttempt[event.id]?.succeeded == false ? .retrying : .pending
            }
        }
        lastDelivery = attempts.first.map(Self.summary)
        lastSuccessAt = attempts.first { $0.succeeded }?.at
        lastFailure = attempts.first { !$0.succeeded }.map(Self.summary)

        let dayStart = now.addingTimeInterval(-86_400)
        var day = DayCounts()
        for event in events where event.at > dayStart {
            switch event.succeeded {
            case true?: day.succeeded += 1
            case false?: day.failed += 1
            case nil: day.pending += 1
            }
        }
        self.day = day
        var hours = Array(repeating: Hour(), count: 24)
        for attempt in attempts where attempt.at > dayStart && attempt.at <= now {
            let index = min(23, Int(attempt.at.timeIntervalSince(dayStart) / 3600))
            if attempt.succeeded { hours[index].succeeded += 1 } else { hours[index].failed += 1 }
        }
        self.hours = hours

        let newestFailed = attempts.first.map { !$0.succeeded } ?? false
        if !endpoint.enabled {
            state = consecutive >= Self.failureThreshold ? .autoDisabled : .disabled
        } else if newestFailed || consecutive > 0 {
            state = .failing
        } else if retrying > 0 || attempts.first.map({ $0.at > dayStart }) ?? false {
            state = .ok
        } else {
            state = .idle
        }
    }

    /// `failing 3/10`, `ok`, `auto-disabled`…, with `· 2 retrying` when Polar is retrying.
    public var label: String {
        var text = state.rawValue
        if state == .failing {
            text += " \(min(consecutiveFailures, Self.failureThreshold))/\(Self.failureThreshold)"
        }
        if retrying > 0, state == .failing || state == .ok { text += " · \(retrying) retrying" }
        return text
    }

    private static func summary(_ attempt: DeliveryHistory.Attempt) -> AttemptSummary {
        AttemptSummary(
            at: attempt.at, httpCode: attempt.httpCode, succeeded: attempt.succeeded, firstLine: attempt.firstLine)
    }
}

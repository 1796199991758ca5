import FoundationEssentials

/// Which endpoints' health to fetch next, when the budget allows only some: the endpoint
/// the user is looking at first, then the failing ones (they change, and a warning must
/// come in time), then the rest in turn, the longest unrefreshed first.
public enum HealthSchedule {
    /// One endpoint waiting for its turn.
    public struct Candidate: Sendable, Hashable {
        public var endpointID: String
        /// When its deliveries were last fetched; nil: never.
        public var refreshedAt: Date?
        /// Failing, or with events Polar is still retrying.
        public var isUrgent: Bool

        public init(endpointID: String, refreshedAt: Date?, isUrgent: Bool) {
            self.endpointID = endpointID
            self.refreshedAt = refreshedAt
            self.isUrgent = isUrgent
        }
    }

    /// Up to `count` endpoint ids, in the order to fetch them. An endpoint refreshed less than
    /// `interval` ago waits, unless nothing else does.
    public static func next(
        _ count: Int, of candidates: [Candidate], selected: String?, interval: TimeInterval, now: Date
    ) -> [String] {
        guard count > 0 else { return [] }
        func isDue(_ candidate: Candidate) -> Bool {
            candidate.refreshedAt.map { now.timeIntervalSince($0) >= interval } ?? true
        }
        func rank(_ candidate: Candidate) -> Int {
            if candidate.endpointID == selected { return 0 }
            if candidate.refreshedAt == nil { return 1 }
            return candidate.isUrgent ? 2 : 3
        }
        let due = candidates.filter(isDue).sorted { lhs, rhs in
            let (left, right) = (rank(lhs), rank(rhs))
            if left != right { return left < right }
            return (lhs.refreshedAt ?? .distantPast) < (rhs.refreshedAt ?? .distantPast)
        }
        return due.prefix(count).map(\.endpointID)
    }
}

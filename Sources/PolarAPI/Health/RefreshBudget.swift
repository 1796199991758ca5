import FoundationEssentials

/// How many requests background refresh may spend: at most ``perMinute`` in any sliding
/// minute, so watching never eats the rate limit the user's own work needs (Polar allows 500
/// a minute per token in production, 100 in sandbox). A 429 halves the budget and waits as
/// long as the server asked.
public struct RefreshBudget: Sendable, Hashable {
    /// The budget the user chose (`--refresh-budget`).
    public let limit: Int
    /// The budget now: the limit, or less after 429s.
    public private(set) var perMinute: Int
    /// No request before this instant (a `Retry-After`).
    public private(set) var blockedUntil: Date?
    /// When each request of the last minute was spent.
    private var spent: [Date] = []
    /// When the budget last changed (a 429's wait ending, or a step back up): the quiet
    /// minute that earns the next step is counted from here.
    private var changedAt: Date?

    public init(perMinute: Int) {
        limit = max(1, perMinute)
        self.perMinute = limit
    }

    /// Requests that may be spent at `now`.
    public func available(at now: Date) -> Int {
        if let blockedUntil, now < blockedUntil { return 0 }
        return max(0, perMinute - spent.filter { now.timeIntervalSince($0) < 60 }.count)
    }

    /// When the next request may be spent, if not now.
    public func nextAvailable(after now: Date) -> Date {
        if let blockedUntil, now < blockedUntil { return blockedUntil }
        let recent = spent.filter { now.timeIntervalSince($0) < 60 }
        guard recent.count >= perMinute, let oldest = recent.min() else { return now }
        return oldest.addingTimeInterval(60)
    }

    /// Records one request spent at `now`.
    public mutating func spend(at now: Date) {
        spent = spent.filter { now.timeIntervalSince($0) < 60 } + [now]
    }

    /// A 429: half the budget, and nothing until `retryAfter` seconds have passed.
    public mutating func rateLimited(retryAfter: Int?, at now: Date) {
        perMinute = max(1, perMinute / 2)
        let blockedUntil = now.addingTimeInterval(TimeInterval(max(retryAfter ?? 60, 1)))
        self.blockedUntil = blockedUntil
        changedAt = blockedUntil
    }

    /// A quiet minute without 429s earns the budget back a step at a time.
    public mutating func recover(at now: Date) {
        guard perMinute < limit, changedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true else { return }
        perMinute = min(limit, perMinute * 2)
        blockedUntil = nil
        changedAt = now
    }
}

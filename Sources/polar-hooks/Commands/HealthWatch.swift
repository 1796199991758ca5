import FoundationEssentials
import PolarAPI

/// `health --watch`: a round every `interval` seconds, each spending no more than the request
/// budget allows (the first round's endpoint list excepted: without it there is nothing to
/// watch), until the task is cancelled.
///
/// Each round lists the endpoints (Polar says which are enabled only there), then fetches
/// the deliveries of the endpoints that are due: never fetched first, then failing ones, then
/// the longest waiting; after the first fetch only what is newer. A failed round is shown and
/// tried again at the next one; only what cannot get better by waiting ends the watch (a token
/// refused, an `--endpoint` that does not exist).
///
/// The client must not retry on its own (``RetryPolicy/none``): every request is then one
/// the budget counts, and a 429 reaches the budget instead of being waited out inside a round.
struct HealthWatch {
    let source: HealthSource
    let interval: Int
    let budget: Int
    let display: HealthWatchDisplay

    /// The longest wait a `Retry-After` may impose: a server asking for more is not believed.
    static let longestRetryAfter = 600

    func run() async throws {
        var display = self.display
        var monitor = HealthMonitor(budget: RefreshBudget(perMinute: budget), interval: TimeInterval(interval))
        var listed = false
        var fetchedAt: Date?
        let settings = "every \(interval) s · at most \(budget) requests a minute"
        while !Task.isCancelled {
            let roundStart = Date()
            monitor.budget.recover(at: roundStart)
            var problem: String?
            do {
                if try await round(&monitor, start: roundStart, firstList: !listed) { fetchedAt = Date() }
                listed = true
            } catch let error as PolarError where !Self.endsTheWatch(error) {
                if case .rateLimited(let retryAfter) = error {
                    monitor.budget.rateLimited(
                        retryAfter: min(retryAfter ?? 60, Self.longestRetryAfter), at: Date())
                }
                problem = Self.describe(error, budget: monitor.budget.perMinute)
            }
            // Ctrl-C cancels the requests in flight: that is no problem worth showing.
            if Task.isCancelled { return }
            let now = Date()
            let nextRound = max(
                roundStart.addingTimeInterval(TimeInterval(interval)), monitor.budget.nextAvailable(after: now))
            // When the budget, not the interval, sets the next round, say so: the table would
            // otherwise look stuck.
            let heldBack = nextRound.timeIntervalSince(roundStart) > TimeInterval(interval) + 1
            display.show(
                HealthWatchDisplay.Frame(
                    rows: monitor.rows(now: now), now: now, fetchedAt: fetchedAt, problem: problem,
                    warnings: monitor.warnings, nextRound: nextRound,
                    settings: heldBack
                        ? settings + " · next fetch at \(TimeText.short(nextRound).suffix(8)) UTC" : settings))
            try await Task.sleep(for: .seconds(max(nextRound.timeIntervalSince(Date()), 0)))
        }
    }

    /// One round: the list, then the endpoints that are due, as far as the budget goes; true
    /// when any data came. The histories that came are kept even when another request failed;
    /// the first failure is thrown afterwards.
    private func round(_ monitor: inout HealthMonitor, start: Date, firstList: Bool) async throws -> Bool {
        let available = monitor.budget.available(at: start)
        var fetched = false
        if firstList || available > 0 {
            let listing = try await source.endpoints(
                maxRequests: firstList ? .max : available, requireEveryID: firstList)
            for _ in 0..<listing.requests { monitor.budget.spend(at: Date()) }
            if let endpoints = listing.endpoints {
                monitor.replaceEndpoints(endpoints, unreadable: listing.unreadable)
                fetched = true
            }
        }
        let left = monitor.budget.available(at: Date())
        let due = monitor.due(left, now: start)
        guard !due.isEmpty else { return fetched }
        // What the budget has left after a request per endpoint may read older pages for a
        // fresh history that needs them (an endpoint failing for a long time).
        let fetchedHistories = await source.histories(due, from: monitor.histories, olderPages: left - due.count)
        for _ in 0..<(due.count + fetchedHistories.olderPagesRead) { monitor.budget.spend(at: Date()) }
        var failure: PolarError?
        for (id, result) in fetchedHistories.results {
            switch result {
            case .success(let refresh): monitor.record(refresh, for: id, roundStart: start)
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return true
    }

    /// A token refused cannot get better by waiting; everything else (the network, a timeout,
    /// Polar's own errors, a 429) may.
    static func endsTheWatch(_ error: PolarError) -> Bool {
        error.isAuthentication
    }

    /// The status line's words for a failed round; `budget` is the budget after it.
    static func describe(_ error: PolarError, budget: Int) -> String {
        switch error {
        case .network, .timeout, .connectionClosed: "offline: " + PolarHooks.fragment(error.description)
        case .rateLimited: "Polar answered 429 Too Many Requests; now at most \(budget) requests a minute"
        default: PolarHooks.fragment(error.description)
        }
    }
}

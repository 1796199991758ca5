import PolarJSON

/// What the emulator did to `/v1` requests, for the health route: how many came, how many the
/// rate limit refused and how many met each kind of fault. A soak or a load test reads these
/// to say what its client went through.
final class TrafficCounters: Sendable {
    private struct Counts {
        var requests = 0
        var rateLimited = 0
        var faults: [FaultInjector.Fault: Int] = [:]
    }

    private let counts = LockedValue(Counts())

    func countRequest() { counts.withLock { $0.requests += 1 } }

    func countRateLimited() { counts.withLock { $0.rateLimited += 1 } }

    func count(_ fault: FaultInjector.Fault) { counts.withLock { $0.faults[fault, default: 0] += 1 } }

    /// `{"requests": n, "rate_limited": n, "faults": {"internal_error": n, …}}` fields.
    var healthFields: [(String, JSONValue)] {
        counts.withLock { counts in
            let faults: [(String, JSONValue)] = FaultInjector.Fault.allCases.map {
                ($0.healthName, .int(counts.faults[$0] ?? 0))
            }
            return [
                ("requests", .int(counts.requests)), ("rate_limited", .int(counts.rateLimited)),
                ("faults", .object(faults)),
            ]
        }
    }
}

extension FaultInjector.Fault {
    var healthName: String {
        switch self {
        case .internalError: "internal_error"
        case .unavailable: "unavailable"
        case .dropConnection: "dropped_connection"
        case .slow: "slow"
        }
    }
}

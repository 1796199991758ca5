import PolarJSON
import Synchronization

/// What the emulator did to `/v1` requests, for the health route: how many came, how many the
/// rate limit refused and how many met each kind of fault. A soak or a load test reads these
/// to say what its client went through. As the outermost layer it sees every request; the
/// fault layer tells it which fault it drew.
final class TrafficCounters: EmulatorMiddleware, Sendable {
    private struct Counts {
        var requests = 0
        var rateLimited = 0
        var faults: [FaultInjector.Fault: Int] = [:]
    }

    private let counts = Mutex(Counts())

    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        guard request.isAPI else { return try await next(request) }
        countRequest()
        let answer = try await next(request)
        // Only the rate limit answers 429.
        if answer.status == 429 { countRateLimited() }
        return answer
    }

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

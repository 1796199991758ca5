/// Whether a request may be sent again after a failure whose outcome we cannot know.
///
/// The rule: only requests whose repetition leaves the server in the same state are retried.
/// - GET: reads, always safe.
/// - PATCH update: the same body sets the same fields, so a second copy changes nothing more.
/// - DELETE: a soft delete; a repeat finds the endpoint gone and answers 404. When an earlier
///   attempt may have reached the server, that 404 means "already deleted" and counts as success.
/// - Never: POST create (a second endpoint would be made), POST redeliver (a second delivery
///   would be queued) and PATCH reset-secret (each call rotates the secret again).
enum Repeatability: Sendable {
    case never
    case idempotent
    case deleteLike
}

/// What to do after a failed attempt.
enum RetryDecision: Equatable {
    case fail
    case retry(after: Duration)
}

extension RetryPolicy {
    /// The wait before attempt `attempt + 1`, after `attempt` failed (1-based): the base delay
    /// doubled per attempt, capped at `maxDelay`, then "equal jitter" — uniform in [½·b, b) —
    /// so that many clients do not retry in step. `unitRandom` is in [0, 1).
    func backoff(afterAttempt attempt: Int, unitRandom: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let uncapped = baseDelay * (1 << exponent)
        let ceiling = uncapped > maxDelay ? maxDelay : uncapped
        // Whole nanoseconds keep the arithmetic exact and the result reproducible.
        let half = Double(ceiling.nanoseconds / 2)
        return .nanoseconds(Int64(half + (half * min(max(unitRandom, 0), 1)).rounded(.down)))
    }

    /// Whether to try again after `attempt` attempts ended in `error`.
    func decision(
        after error: PolarError, attempt: Int, repeatability: Repeatability, unitRandom: Double
    ) -> RetryDecision {
        guard repeatability != .never, attempt < maxAttempts else { return .fail }
        switch error {
        case .network, .connectionClosed:
            return .retry(after: backoff(afterAttempt: attempt, unitRandom: unitRandom))
        case .server(let status, _) where [502, 503, 504].contains(status):
            return .retry(after: backoff(afterAttempt: attempt, unitRandom: unitRandom))
        case .rateLimited(let retryAfter):
            guard let retryAfter else { return .retry(after: backoff(afterAttempt: attempt, unitRandom: unitRandom)) }
            let wait = Duration.seconds(retryAfter)
            return wait <= maxRetryAfter ? .retry(after: wait) : .fail
        default:
            return .fail
        }
    }
}

extension PolarError {
    /// True when the request may have reached the server although we got no usable answer, so
    /// a repeat of a delete may find its work already done.
    var mayHaveBeenApplied: Bool {
        switch self {
        case .network, .connectionClosed, .timeout: true
        case .server(let status, _): [502, 503, 504].contains(status)
        default: false
        }
    }
}

/// How the client waits between attempts; replaced in tests to record the waits.
typealias Sleeper = @Sendable (Duration) async throws -> Void

enum Sleepers {
    /// `Task.sleep`: returns early, throwing, when the task is cancelled.
    static let task: Sleeper = { duration in try await Task.sleep(for: duration) }
}

extension Duration {
    /// The duration in whole nanoseconds (truncated).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

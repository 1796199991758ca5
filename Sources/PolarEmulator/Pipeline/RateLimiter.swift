import FoundationEssentials
import Synchronization

/// asgi-ratelimit's default rule as Polar configures it: a fixed one-minute window per token on
/// `/v1`, answered with an empty 429 and `retry-after` (CONTRACT.md §4).
final class RateLimiter: EmulatorMiddleware {
    private struct Window {
        var start: Date
        var count: Int
    }

    let perMinute: Int
    private let windows = Mutex<[String: Window]>([:])

    init(perMinute: Int) { self.perMinute = perMinute }

    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        guard request.isAPI,
            let wait = admit(key: TokenMiddleware.bearer(request.header("Authorization")) ?? "anonymous")
        else { return try await next(request) }
        return HTTPAnswer(
            status: 429, body: [], isJSON: false, headers: [("retry-after", String(wait)), ("content-length", "0")])
    }

    /// Nil when the request may go ahead; otherwise the seconds to wait.
    func admit(key: String, now: Date = Date()) -> Int? {
        windows.withLock { windows in
            var window = windows[key] ?? Window(start: now, count: 0)
            if now.timeIntervalSince(window.start) >= 60 { window = Window(start: now, count: 0) }
            guard window.count < perMinute else {
                windows[key] = window
                return max(1, Int((60 - now.timeIntervalSince(window.start)).rounded(.up)))
            }
            window.count += 1
            windows[key] = window
            return nil
        }
    }
}

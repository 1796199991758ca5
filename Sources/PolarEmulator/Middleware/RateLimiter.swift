import Foundation

/// A fixed one-minute window per token, like asgi-ratelimit's default rule.
final class RateLimiter: Sendable {
    private struct Window {
        var start: Date
        var count: Int
    }

    let perMinute: Int
    private let windows = LockedValue<[String: Window]>([:])

    init(perMinute: Int) { self.perMinute = perMinute }

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

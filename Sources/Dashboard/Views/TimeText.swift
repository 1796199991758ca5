import Foundation

/// Times as people read them: ISO-like in the local zone, or relative in lists.
enum TimeText {
    /// `2026-11-02 14:03` in `timeZone`.
    static func absolute(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0)
    }

    /// `just now`, `3m ago`, `2h ago`, `5d ago`, then the date.
    static func relative(_ date: Date, now: Date, in timeZone: TimeZone) -> String {
        ago(date, now: now) ?? String(absolute(date, in: timeZone).prefix(10))
    }

    /// `just now`, `3m ago`, `2h ago` or `5d ago`; nil from 60 days on, when only a date helps.
    static func ago(_ date: Date, now: Date) -> String? {
        let interval = now.timeIntervalSince(date)
        guard interval.isFinite, interval < 60 * 86_400 else { return nil }
        let seconds = Int(interval)
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3600)h ago"
        default: return "\(seconds / 86_400)d ago"
        }
    }
}

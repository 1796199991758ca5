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
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3600)h ago"
        case ..<(60 * 86_400): return "\(seconds / 86_400)d ago"
        default: return String(absolute(date, in: timeZone).prefix(10))
        }
    }
}

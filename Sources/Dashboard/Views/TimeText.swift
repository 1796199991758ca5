import FoundationEssentials
import TextTools

/// Times as people read them: ISO-like in the local zone, or relative in lists.
enum TimeText {
    /// `2026-11-02 14:03` in `timeZone`.
    static func absolute(_ date: Date, in timeZone: DisplayTimeZone) -> String {
        let c = timeZone.fields(of: date)
        return String(c.year, zeroPaddedTo: 4) + "-" + String(c.month, zeroPaddedTo: 2) + "-"
            + String(c.day, zeroPaddedTo: 2) + " " + String(c.hour, zeroPaddedTo: 2) + ":"
            + String(c.minute, zeroPaddedTo: 2)
    }

    /// `just now`, `3m ago`, `2h ago`, `5d ago`, then the date.
    static func relative(_ date: Date, now: Date, in timeZone: DisplayTimeZone) -> String {
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

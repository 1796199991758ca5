import FoundationEssentials

/// How long ago something happened, in the largest unit that reads well: `12 s ago`,
/// `4 min ago`, `3 h ago`, `2 d ago`.
enum RelativeTime {
    static func ago(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        // A clock a little ahead of ours is not "in the future" for the reader.
        if seconds < 1 { return "just now" }
        if seconds < 60 { return "\(seconds) s ago" }
        if seconds < 3600 { return "\(seconds / 60) min ago" }
        if seconds < 48 * 3600 { return "\(seconds / 3600) h ago" }
        return "\(seconds / 86_400) d ago"
    }
}

import Foundation
import PolarAPI

/// Reads `--since` and `--until`: an RFC 3339 timestamp, a date or date-time taken as UTC,
/// or an age such as `30m`, `2h`, `7d` or `1w` counted back from now.
enum TimeArgument {
    static let help =
        "RFC 3339 time (2026-09-10T12:00:00Z), a UTC date or date-time (2026-09-10, 2026-09-10T12:00), or an age (90s, 30m, 2h, 7d, 2w)."

    static func parse(_ text: String, option: String, now: Date = Date()) throws(CLIError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let age = age(trimmed) { return now.addingTimeInterval(-age) }
        if let date = PolarTimestamp.parse(trimmed) { return date }
        if let date = utcDate(trimmed) { return date }
        throw .usage(
            "\(option) '\(text)' is not a time; use e.g. 2026-09-10T12:00:00Z, 2026-09-10 or 2h")
    }

    private static func age(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let value = Double(text.dropLast()), value >= 0 else { return nil }
        let seconds: Double
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86_400
        case "w": seconds = 604_800
        default: return nil
        }
        return value * seconds
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` without a zone: UTC.
    private static func utcDate(_ text: String) -> Date? {
        let normalized = text.replacingOccurrences(of: " ", with: "T")
        let candidates: [String] =
            switch normalized.count {
            case 10: [normalized + "T00:00:00Z"]
            case 16: [normalized + ":00Z"]
            case 19: [normalized + "Z"]
            default: []
            }
        return candidates.lazy.compactMap(PolarTimestamp.parse).first
    }
}

import FoundationEssentials
import PolarAPI
import TextTools

/// Reads `--since` and `--until`: an RFC 3339 timestamp, a date or date-time taken as UTC,
/// or an age such as `30m`, `2h`, `7d` or `1w` counted back from now.
///
/// Only times a Polar timestamp can hold are accepted: years 1 to 9999, real calendar dates
/// (no 30 February), and ages that reach no further back than year 1.
enum TimeArgument {
    static let help =
        "RFC 3339 time (2026-09-10T12:00:00Z), a UTC date or date-time (2026-09-10, 2026-09-10T12:00), or an age (90s, 30m, 2h, 7d, 2w)."

    static func parse(_ text: String, option: String, now: Date = Date()) throws(CLIError) -> Date {
        let trimmed = text.trimmingWhitespace()
        if let age = try age(trimmed, option: option, now: now) { return now.addingTimeInterval(-age) }
        if let date = PolarTimestamp.parse(trimmed) ?? utcDate(trimmed) { return date }
        throw .usage(
            "\(option) '\(text)' is not a time; use e.g. 2026-09-10T12:00:00Z, 2026-09-10 or 2h"
                + (looksLikeADate(trimmed) ? " (is that a real calendar date?)" : ""))
    }

    /// Seconds for `<digits>[.<digits>]<unit>`, nil when `text` is not shaped like an age.
    private static func age(_ text: String, option: String, now: Date) throws(CLIError) -> TimeInterval? {
        guard let unit = text.last, let scale = unitSeconds[unit] else { return nil }
        let number = text.dropLast()
        // Digits only: Double() would also take "inf", "nan", "1e400" and "0x10".
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let value = Double(number)
        else { return nil }
        let seconds = value * scale
        guard seconds <= now.timeIntervalSince(PolarTimestamp.earliest) else {
            throw .usage("\(option) '\(text)' reaches back before year 1; use a smaller age or a date")
        }
        return seconds
    }

    private static let unitSeconds: [Character: Double] = [
        "s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800,
    ]

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` without a zone: UTC.
    private static func utcDate(_ text: String) -> Date? {
        let normalized = text.replacing(" ", with: "T")
        let candidates: [String] =
            switch normalized.count {
            case 10: [normalized + "T00:00:00Z"]
            case 16: [normalized + ":00Z"]
            case 19: [normalized + "Z"]
            default: []
            }
        return candidates.lazy.compactMap(PolarTimestamp.parse).first
    }

    private static func looksLikeADate(_ text: String) -> Bool {
        text.count >= 10
            && text.prefix(10).enumerated().allSatisfy { index, character in
                index == 4 || index == 7 ? character == "-" : character.isASCIIDigit
            }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

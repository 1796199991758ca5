import FoundationEssentials
import PolarAPI
import TextTools

/// Timestamps as the tables show them: UTC, to the second, `2026-09-10 12:03:04`.
enum TimeText {
    static func short(_ date: Date) -> String {
        let iso = PolarTimestamp.format(date)
        return String(iso.prefix(19)).replacing("T", with: " ")
    }
}

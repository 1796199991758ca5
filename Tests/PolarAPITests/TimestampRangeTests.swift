import Foundation
import Testing

@testable import PolarAPI

/// Timestamps at and past the edges of what RFC 3339 can name: formatting never traps, and
/// parsing accepts only real calendar dates.
@Suite struct TimestampRangeTests {
    // Seconds since 1970, not dates: Foundation's own description of such dates traps.
    @Test(arguments: [8.6e15, -8.6e15, 6.4e10, -6.4e10, .infinity, -.infinity, .nan] as [Double])
    func formattingAnyDateStaysInRange(_ seconds: Double) {
        let text = PolarTimestamp.format(Date(timeIntervalSince1970: seconds))
        #expect(PolarTimestamp.parse(text) != nil, "\(text)")
    }

    @Test func theEdgesRoundTrip() {
        #expect(PolarTimestamp.format(PolarTimestamp.earliest) == "0001-01-01T00:00:00Z")
        #expect(PolarTimestamp.format(PolarTimestamp.latest) == "9999-12-31T23:59:59Z")
    }

    @Test(arguments: [
        "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-00-10T00:00:00Z",
        "0000-12-31T00:00:00Z",
    ])
    func impossibleDatesDoNotParse(_ text: String) {
        #expect(PolarTimestamp.parse(text) == nil)
    }

    @Test func leapDaysParse() {
        #expect(PolarTimestamp.parse("2024-02-29T12:00:00Z") != nil)
        #expect(PolarTimestamp.parse("2000-02-29T12:00:00Z") != nil)
    }
}

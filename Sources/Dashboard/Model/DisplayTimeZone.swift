import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The zone the dashboard shows times in.
///
/// Not Foundation's `TimeZone`: without FoundationInternationalization (and its 37 MB of ICU),
/// `TimeZone.current` is always GMT. The C library reads `TZ` and the system's zone files itself.
enum DisplayTimeZone: Sendable, Equatable {
    /// Coordinated Universal Time (tests and snapshots).
    case utc
    /// The user's local zone, summer time included, as `TZ` or `/etc/localtime` set it.
    case local

    /// The calendar fields of `date` in this zone: year, month 1–12, day, hour, minute.
    func fields(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let seconds = date.timeIntervalSince1970
        // Beyond what time_t and the calendar can hold, the epoch stands in (no crash on a lie).
        var time = seconds.isFinite && abs(seconds) < 1e15 ? time_t(seconds.rounded(.down)) : 0
        var parts = tm()
        switch self {
        case .utc: gmtime_r(&time, &parts)
        case .local: localtime_r(&time, &parts)
        }
        return (
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
            Int(parts.tm_min)
        )
    }
}

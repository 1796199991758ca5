import FoundationEssentials
import PolarJSON

/// JSON coding the way Polar's server does it. Each model spells its snake_case keys once, in
/// its `CodingKeys`, in the order the server writes them; the coders here add Polar's
/// timestamps (ISO-8601 UTC with `Z`, microseconds kept and dropped when they are zero, as
/// pydantic writes them) and what an absent optional becomes.
public enum PolarCoding {
    /// Dates as ``PolarTimestamp`` strings.
    public static let timestamps = JSONStringFormat(
        for: Date.self, failureDescription: "Not an RFC 3339 timestamp", format: PolarTimestamp.format,
        parse: PolarTimestamp.parse)

    /// Writes objects as Polar's answers have them: every key, `null` when absent. The
    /// emulator answers with it and the commands print `--json` with it.
    public static let answerEncoder = OrderedJSONEncoder(stringFormat: timestamps, absentOptionals: .null)

    /// Writes request bodies: an unset field is left out, so a PATCH changes only what it names.
    public static let requestEncoder = OrderedJSONEncoder(stringFormat: timestamps, absentOptionals: .omitted)

    /// Reads every timestamp form Polar emits (with or without fractions, `Z` or an offset).
    public static let decoder = OrderedJSONDecoder(stringFormat: timestamps)
}

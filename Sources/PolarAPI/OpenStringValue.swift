/// A string value of Polar's that grows over time (formats, event types, API versions).
///
/// Any string decodes and is written back unchanged, so a value Polar adds after this version
/// neither breaks a read nor changes in a write (`"json"` stays `"json"` in `--json` output).
/// Conforming types declare only `rawValue`, `init(rawValue:)` and their known values.
public protocol OpenStringValue: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    init(rawValue: String)
}

extension OpenStringValue {
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

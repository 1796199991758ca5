/// A value of the `Polar-Version` header and of an endpoint's `api_version` (`YYYY-MM`).
///
/// Forward-compatible (``OpenStringValue``): a version Polar adds later does not break us.
public struct APIVersion: OpenStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The server's default when a request names no version, and the default payload version.
    public static let v2026_04: APIVersion = "2026-04"
    public static let v2026_10: APIVersion = "2026-10"
    public static let v2027_01: APIVersion = "2027-01"
    /// Every version Polar's server accepts today, oldest first.
    public static let supported: [APIVersion] = [.v2026_04, .v2026_10, .v2027_01]
    /// The version this client speaks unless told otherwise.
    public static let clientDefault: APIVersion = .v2026_10
}

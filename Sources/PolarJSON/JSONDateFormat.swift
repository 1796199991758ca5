#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How dates are written and read: as strings in a format the caller knows (the API's
/// timestamps are PolarAPI's business, not this module's).
public struct JSONDateFormat: Sendable {
    /// The date as text.
    public let format: @Sendable (Date) -> String
    /// The date the text names, or nil when it is not one.
    public let parse: @Sendable (String) -> Date?
    /// What a decoding error says of a string that ``parse`` refuses, e.g. "Not an RFC 3339
    /// timestamp". It never quotes the string: a value may be a secret.
    public let failureDescription: String

    public init(
        failureDescription: String, format: @escaping @Sendable (Date) -> String,
        parse: @escaping @Sendable (String) -> Date?
    ) {
        self.failureDescription = failureDescription
        self.format = format
        self.parse = parse
    }
}

import FoundationEssentials
import TextTools

/// How Polar shapes the body it sends to an endpoint.
///
/// Forward-compatible: Polar may add formats, so any string decodes and is written back
/// unchanged (`"json"` stays `"json"` in `--json` output). ``allCases`` and ``isKnown`` are
/// the formats this version knows; only those are offered for a create or an update.
public struct WebhookFormat: OpenStringValue, CaseIterable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The JSON event as it is.
    public static let raw: WebhookFormat = "raw"
    /// A Discord webhook message.
    public static let discord: WebhookFormat = "discord"
    /// A Slack incoming-webhook message.
    public static let slack: WebhookFormat = "slack"

    /// The formats this version knows, in Polar's order.
    public static let allCases: [WebhookFormat] = [.raw, .discord, .slack]

    /// Whether this version knows the format (false for one Polar added later).
    public var isKnown: Bool { Self.allCases.contains(self) }

    /// The format a URL implies, as Polar's dashboard guesses it: Discord and Slack webhook
    /// URLs select their format; anything else says nothing.
    public static func suggested(forURL url: String) -> WebhookFormat? {
        let trimmed = url.trimmingWhitespaceAndNewlines().lowercased()
        if trimmed.hasPrefix("https://discord.com/api/webhooks") { return .discord }
        if trimmed.hasPrefix("https://hooks.slack.com/services/") { return .slack }
        return nil
    }
}

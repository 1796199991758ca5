import Foundation

/// How Polar shapes the body it sends to an endpoint.
public enum WebhookFormat: String, Codable, Sendable, CaseIterable, Hashable {
    /// The JSON event as it is.
    case raw
    /// A Discord webhook message.
    case discord
    /// A Slack incoming-webhook message.
    case slack

    /// The format a URL implies, as Polar's dashboard guesses it: Discord and Slack webhook
    /// URLs select their format; anything else says nothing.
    public static func suggested(forURL url: String) -> WebhookFormat? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if trimmed.hasPrefix("https://discord.com/api/webhooks") { return .discord }
        if trimmed.hasPrefix("https://hooks.slack.com/services/") { return .slack }
        return nil
    }
}

import PolarAPI

/// The checks Polar's server makes on a webhook URL, done while the user types so the
/// form can say what is wrong before anything is sent. The rules are PolarAPI's
/// ``WebhookURLRules``; this only words them briefly enough to sit beside the field.
enum URLCheck {
    static let maximumLength = WebhookURLRules.maximumLength

    /// What is wrong with `text` as a webhook URL, in words; nil when the server will take it.
    static func problem(with text: String) -> String? {
        guard let problem = WebhookURLRules.check(text) else { return nil }
        return switch problem {
        case .empty: "Required: where Polar posts events"
        case .tooLong: "Too long: over \(maximumLength) characters"
        case .notAbsolute: "Must start with https://"
        case .schemeNotHTTPS(let scheme) where scheme.lowercased() == "http": "Use https://, not http://"
        case .schemeNotHTTPS: "Must start with https://"
        case .noHost: "Needs a host after https://"
        case .invalidHost: "Host has invalid characters"
        case .localOrPrivate: "No localhost or private IPs"
        }
    }
}

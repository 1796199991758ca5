/// The first of Polar's webhook URL rules (CONTRACT.md §2.3) that a URL breaks.
public enum WebhookURLProblem: Equatable, Sendable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// More than ``WebhookURLRules/maximumLength`` UTF-8 bytes (after stripping whitespace);
    /// `count` is that length in bytes.
    case tooLong(count: Int)
    /// No scheme: not an absolute URL.
    case notAbsolute
    /// A scheme other than `https` (as typed, e.g. `http`).
    case schemeNotHTTPS(scheme: String)
    /// Nothing between `https://` and the port or path.
    case noHost
    /// A host that is not a valid domain name (IDNA 2008) or IP address, or a malformed port.
    case invalidHost
    /// `localhost` or an IP literal that is not globally routable (host as normalised).
    case localOrPrivate(host: String)

    public var description: String {
        switch self {
        case .empty:
            "the URL is empty; give an https URL such as https://example.com/webhooks"
        case .tooLong(let count):
            "the URL is \(count) bytes long (UTF-8); Polar accepts at most \(WebhookURLRules.maximumLength)"
        case .notAbsolute:
            "the URL is not an absolute URL; give one like https://example.com/webhooks"
        case .schemeNotHTTPS(let scheme):
            "the URL must start with https:// (Polar only delivers over HTTPS), not \(scheme)://"
        case .noHost:
            "the URL has no host name"
        case .invalidHost:
            "the URL's host is not a valid domain name or IP address (or its port is not a number up to 65535)"
        case .localOrPrivate(let host):
            "webhook URLs cannot point to localhost or private IP addresses ('\(host)' is not public)"
        }
    }
}

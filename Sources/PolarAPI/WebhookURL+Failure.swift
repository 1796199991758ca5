extension WebhookURL {
    /// The first of Polar's URL rules a text breaks, with what the server's 422 item needs.
    public enum Failure: Error, Equatable, Sendable {
        /// Nothing but white space (pydantic: `url_parsing`, "input is empty").
        case empty
        /// Over ``WebhookURL/maximumLength`` UTF-8 bytes after stripping (`url_too_long`).
        case tooLong(bytes: Int)
        /// No scheme (`url_parsing`, "relative URL without a base").
        case notAbsolute
        /// The URL parser's other refusals (`url_parsing`), in its words: "empty host",
        /// "invalid port number", "invalid IPv4 address", "invalid IPv6 address",
        /// "invalid international domain name".
        case unparsable(String)
        /// A scheme other than `https`, lower-cased (`url_scheme`).
        case scheme(String)
        /// A host that is not an IDNA 2008 name (`value_error`).
        case invalidDomainName
        /// `localhost` or an IP literal that is not global, as normalised (`value_error`).
        case localOrPrivate(host: String)

        /// The coarser classification the dashboard and the CLI word for users.
        public var problem: WebhookURLProblem {
            switch self {
            case .empty: .empty
            case .tooLong(let bytes): .tooLong(count: bytes)
            case .notAbsolute: .notAbsolute
            case .unparsable("empty host"): .noHost
            case .unparsable: .invalidHost
            case .scheme(let scheme): .schemeNotHTTPS(scheme: scheme)
            case .invalidDomainName: .invalidHost
            case .localOrPrivate(let host): .localOrPrivate(host: host)
            }
        }
    }
}

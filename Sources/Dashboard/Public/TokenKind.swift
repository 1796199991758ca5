/// Whom an access token belongs to, read from its prefix. An organization token sees one
/// organization; a personal (user) token may see several.
public enum TokenKind: Sendable, Hashable {
    case organization
    case user
    case unknown

    /// `polar_oat_…` is an organization access token, `polar_pat_…` a personal one.
    public init(token: String) {
        if token.hasPrefix("polar_oat_") {
            self = .organization
        } else if token.hasPrefix("polar_pat_") {
            self = .user
        } else {
            self = .unknown
        }
    }

    /// Words for the header.
    public var label: String {
        switch self {
        case .organization: "organization token"
        case .user: "personal token"
        case .unknown: "access token"
        }
    }
}

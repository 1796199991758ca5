/// Whom an access token belongs to, read from its prefix (CONTRACT.md §1): the one reading
/// of token kinds that the dashboard, the commands and the emulator share.
///
/// An organization token sees one organization and must not send `organization_id`; a
/// user's token may see several and must name one on create.
public enum TokenKind: Sendable, Hashable, CaseIterable {
    case organization
    case user
    case unknown

    /// The prefixes Polar issues, and whose tokens they are.
    public static let prefixes: [(prefix: String, kind: TokenKind)] = [
        ("polar_oat_", .organization),  // organization access token
        ("polar_at_o_", .organization),  // OAuth2 token of an organization
        ("polar_pat_", .user),  // personal access token
        ("polar_at_u_", .user),  // OAuth2 token of a user
    ]

    public init(token: String) {
        self = Self.prefixes.first { token.hasPrefix($0.prefix) }?.kind ?? .unknown
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

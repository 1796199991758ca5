/// The access tokens the emulator accepts. Any other bearer string gets 401 `invalid_token`.
public enum EmulatorTokens {
    /// Organization access token for Acme Demo, scopes `webhooks:read` and `webhooks:write`.
    public static let organization = "polar_oat_emulator"
    /// Personal access token of a user who manages Acme Demo and Side Project.
    public static let user = "polar_pat_emulator"
    /// Organization access token for Acme Demo with `webhooks:read` only: writes get 403.
    public static let readOnly = "polar_oat_emulator_readonly"
}

/// The organizations the emulator knows.
public enum EmulatorOrganizations {
    public struct Info: Sendable, Hashable {
        public let id: String
        public let name: String
        public let slug: String
    }

    /// The organization of the organization tokens; the user token sees it too.
    public static let acme = Info(
        id: "1dbfc517-0bbf-4301-9ba8-555ca42b9737", name: "Acme Demo", slug: "acme-demo")
    /// A second organization only the user token sees.
    public static let sideProject = Info(
        id: "5e2a9c4d-7b3f-4e81-a6d0-2c9f8b1e4a73", name: "Side Project", slug: "side-project")
    /// Both, oldest first.
    public static let all: [Info] = [acme, sideProject]
}

/// Who is calling, as a token identifies them.
struct Caller: Sendable, Hashable {
    enum Subject: Sendable, Hashable {
        case organization
        case user
    }

    let subject: Subject
    /// The organizations this caller may see and manage.
    let organizationIds: [String]
    let canWrite: Bool

    static func forToken(_ token: String) -> Caller? {
        switch token {
        case EmulatorTokens.organization:
            Caller(
                subject: .organization, organizationIds: [EmulatorOrganizations.acme.id], canWrite: true)
        case EmulatorTokens.readOnly:
            Caller(
                subject: .organization, organizationIds: [EmulatorOrganizations.acme.id], canWrite: false)
        case EmulatorTokens.user:
            Caller(subject: .user, organizationIds: EmulatorOrganizations.all.map(\.id), canWrite: true)
        default:
            nil
        }
    }

    func canSee(organization id: String) -> Bool { organizationIds.contains(id) }
}

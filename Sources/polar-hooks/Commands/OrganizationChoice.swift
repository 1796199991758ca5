import PolarAPI

/// Which `organization_id` a create sends.
enum OrganizationChoice {
    /// An explicit `--org` always; otherwise the configured one unless the token belongs to
    /// one organization (which must not send it). A user token without one picks its only
    /// organization, or is refused with the list to choose from.
    static func forCreate(
        explicit: String?, tokenKind: TokenKind, configured: String?,
        organizations listOrganizations: () async throws -> [Organization]
    ) async throws -> String? {
        if let explicit { return explicit }
        if tokenKind == .organization { return nil }
        if let configured { return configured }
        let organizations = try await listOrganizations()
        if organizations.count == 1 { return organizations[0].id }
        if organizations.isEmpty { throw CLIError.failure("this token cannot see any organization") }
        let list = organizations.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw CLIError.usage("this token sees several organizations; choose one with --org: \(list)")
    }
}

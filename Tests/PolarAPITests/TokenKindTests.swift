import Testing

@testable import PolarAPI

/// Token kinds by prefix (CONTRACT.md §1). The dashboard and the commands read kinds only
/// through ``TokenKind``; their own tests walk ``TokenKind/prefixes`` as well.
@Suite struct TokenKindTests {
    @Test func everyPrefixPolarIssues() {
        #expect(TokenKind(token: "polar_oat_abc") == .organization)
        #expect(TokenKind(token: "polar_at_o_abc") == .organization)
        #expect(TokenKind(token: "polar_pat_abc") == .user)
        #expect(TokenKind(token: "polar_at_u_abc") == .user)
    }

    @Test(arguments: ["", "polar_", "polar_at_abc", "POLAR_OAT_abc", "polar_oa_abc", "xpolar_oat_abc", "sk_live_abc"])
    func anythingElseIsUnknown(_ token: String) {
        #expect(TokenKind(token: token) == .unknown)
    }

    @Test func theTableNamesBothKinds() {
        #expect(Set(TokenKind.prefixes.map(\.kind)) == [.organization, .user])
    }
}

import Foundation
import PolarAPI
import PolarEmulator
import Testing

/// Missing, wrong and under-privileged tokens: exit status 3, and the token never printed.
@Suite struct AuthenticationTests {
    @Test func missingTokenIsRefusedWithWhatToDo() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["endpoints", "list"], token: nil)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("error: no access token"))
            #expect(result.stderr.contains("polar-hooks login"))
        }
    }

    @Test func wrongTokenIsAnAuthenticationErrorThatDoesNotEchoIt() async throws {
        try await EmulatorFixture.with { fixture in
            let token = "polar_oat_wrong_secret_value_123"
            let result = try await fixture.run(["endpoints", "list"], token: token)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.split(separator: "\n").count == 1, "one sentence, no stack trace")
            #expect(!result.stderr.contains(token))
            #expect(!result.stdout.contains(token))
        }
    }

    @Test func readOnlyTokenCannotWriteAndNothingChanges() async throws {
        try await EmulatorFixture.with { fixture in
            let before = try await fixture.endpoints()
            let result = try await fixture.run(
                [
                    "endpoints", "create", "--url", "https://example.com/ro", "--format", "raw", "--event",
                    "order.paid",
                ],
                token: EmulatorTokens.readOnly)
            #expect(result.status == 3, "\(result)")
            #expect(try await fixture.endpoints() == before)
        }
    }

    @Test func tokenFlagWorksButWarnsAboutTheProcessList() async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(
                ["endpoints", "list", "--token", EmulatorTokens.organization], token: "polar_oat_wrong")
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stderr.contains("warning: --token is visible to other users in the process list"))
            #expect(!result.stderr.contains(EmulatorTokens.organization))
        }
    }
}

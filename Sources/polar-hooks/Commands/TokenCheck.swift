import PolarAPI
import TerminalText

/// Proves a token works before it is saved.
enum TokenCheck {
    struct Session {
        var organizations: [Organization]

        var organizationsText: String {
            guard !organizations.isEmpty else { return "" }
            return " (" + organizations.map { Sanitizer.clean($0.name) }.joined(separator: ", ") + ")"
        }
    }

    /// Lists one endpoint (the webhooks scope is needed for everything else) and the
    /// organizations (for a friendly confirmation). Auth failures are exit status 3.
    static func verify(token: String, environment: PolarEnvironment) async throws(CLIError) -> Session {
        let client = PolarClient(
            configuration: PolarClientConfiguration(
                environment: environment, token: token, retryPolicy: .none))
        do {
            _ = try await client.listEndpoints(page: 1, limit: 1)
        } catch {
            await client.shutdown()
            if error.isAuthentication {
                throw .authentication("the token was not accepted by \(environment): \(error.description)")
            }
            throw CLIError(error)
        }
        let organizations = (try? await client.organizations())?.items ?? []
        await client.shutdown()
        return Session(organizations: organizations)
    }
}

import ArgumentParser
import FoundationEssentials
import PolarAPI
import TerminalText

/// Where `listen` and `verify` get the endpoint's signing secret: the endpoint itself (through
/// the API), the environment, or the command line (which other users can see).
struct WebhookSecretOptions: ParsableArguments {
    static let environmentVariable = "POLAR_WEBHOOK_SECRET"

    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp(
            "Fetch the signing secret of this endpoint from the API (needs a token).", valueName: "endpoint-id"))
    var endpointID: String?

    @Option(
        help: ArgumentHelp(
            "The signing secret (whsec_… or your own). Visible in the process list; prefer \(Self.environmentVariable).",
            valueName: "secret"))
    var secret: String?

    /// A secret and where it came from, in words for the user (never the secret itself).
    struct Resolved {
        var secret: String
        var source: String
        /// The endpoint, when the secret was fetched through the API.
        var endpoint: WebhookEndpoint?
    }

    func validate() throws {
        if endpointID != nil, secret != nil {
            throw ValidationError("give either --endpoint or --secret, not both.")
        }
        if let secret, secret.isEmpty { throw ValidationError("--secret is empty.") }
    }

    /// The secret from the first source that has one, or nil when none does.
    func resolve(connection: ConnectionOptions, parent: ConnectionOptions?) async throws -> Resolved? {
        if let endpointID {
            let context = try CommandContext(connection: connection, parent: parent)
            let id = try IdentifierValidator.validate(endpointID, what: "endpoint ID")
            let endpoint = try await context.withClient { client in try await client.endpoint(id: id) }
            return Resolved(
                secret: endpoint.secret, source: "the secret of endpoint \(Sanitizer.clean(endpoint.id))",
                endpoint: endpoint)
        }
        if let secret {
            Console.current().warn(
                "--secret is visible to other users in the process list; prefer \(Self.environmentVariable) or --endpoint"
            )
            return Resolved(secret: secret, source: "the secret given with --secret")
        }
        if let secret = ProcessInfo.processInfo.environment[Self.environmentVariable], !secret.isEmpty {
            return Resolved(secret: secret, source: "the secret in \(Self.environmentVariable)")
        }
        return nil
    }
}

import ArgumentParser
import PolarAPI
import TerminalText

/// `polar-hooks endpoints reset-secret ID`.
struct EndpointsResetSecretCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-secret",
        abstract: "Give an endpoint a new signing secret; the old one stops working at once.",
        discussion: """
            After a reset the endpoint signs the Standard Webhooks way (the base64-decoded secret). \
            Update your receiver with the new secret, shown with --show-secret or --json.
            """)

    @Argument(help: ArgumentHelp("The endpoint's ID.", valueName: "endpoint-id"), completion: .endpointIDs)
    var endpointID: String

    @Flag(help: "Show the new secret in clear text.")
    var showSecret = false

    @OptionGroup var confirmation: ConfirmationOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let id = try IdentifierValidator.validate(endpointID, what: "endpoint ID")
        let context = try makeContext(output: output)
        try context.requireConfirmationPossible(yes: confirmation.yes, action: "reset a secret")
        let endpoint = try await context.withClient { client in
            if !confirmation.yes {
                let current = try await client.endpoint(id: id)
                try context.confirm(
                    "Reset the secret of \(Sanitizer.clean(current.displayName))? The old secret stops working at once.",
                    yes: false)
            }
            return try await client.resetSecret(endpointId: id)
        }
        if !output.json {
            context.console.note("The old secret no longer verifies; give your receiver the new one.")
        }
        try context.emit(endpoint) {
            StyledText("Reset the secret of webhook endpoint \(endpoint.id).\n\n")
                + EndpointText.details(endpoint, showSecret: showSecret)
        }
    }
}

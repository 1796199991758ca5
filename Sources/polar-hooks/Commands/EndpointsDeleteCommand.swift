import ArgumentParser
import PolarAPI
import TerminalText

/// `polar-hooks endpoints delete ID`.
struct EndpointsDeleteCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a webhook endpoint (asks first; --yes when not on a terminal).")

    @Argument(help: ArgumentHelp("The endpoint's ID.", valueName: "endpoint-id"), completion: .endpointIDs)
    var endpointID: String

    @OptionGroup var confirmation: ConfirmationOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let id = try IdentifierValidator.validate(endpointID, what: "endpoint ID")
        let context = try makeContext()
        try context.requireConfirmationPossible(yes: confirmation.yes, action: "delete an endpoint")
        try await context.withClient { client in
            if !confirmation.yes {
                let endpoint = try await client.endpoint(id: id)
                try context.confirm(
                    "Delete the endpoint \(Sanitizer.clean(endpoint.displayName)) (\(endpoint.id))? Polar stops sending to it at once.",
                    yes: false)
            }
            try await client.deleteEndpoint(id: id)
        }
        context.console.print("Deleted webhook endpoint \(id).")
    }
}

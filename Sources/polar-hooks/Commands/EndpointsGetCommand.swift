import ArgumentParser
import PolarAPI

/// `polar-hooks endpoints get ID`.
struct EndpointsGetCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show one webhook endpoint.")

    @Argument(help: ArgumentHelp("The endpoint's ID.", valueName: "endpoint-id"), completion: .endpointIDs)
    var endpointID: String

    @Flag(help: "Show the signing secret in clear text.")
    var showSecret = false

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func run() async throws {
        let context = try makeContext(output: output)
        let id = try IdentifierValidator.validate(endpointID, what: "endpoint ID")
        let endpoint = try await context.withClient { client in try await client.endpoint(id: id) }
        try context.emit(endpoint) { EndpointText.details(endpoint, showSecret: showSecret) }
    }
}

import ArgumentParser

/// `polar-hooks endpoints …`: the webhook endpoints of your organizations.
struct EndpointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoints",
        abstract: "List, inspect, create, change and delete webhook endpoints.",
        subcommands: [
            EndpointsListCommand.self, EndpointsGetCommand.self, EndpointsCreateCommand.self,
            EndpointsUpdateCommand.self, EndpointsDeleteCommand.self, EndpointsResetSecretCommand.self,
        ],
        defaultSubcommand: EndpointsListCommand.self)
}

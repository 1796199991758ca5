import ArgumentParser

/// `polar-hooks deliveries …`.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "Delivery attempts: what Polar sent and how each receiver answered.",
        subcommands: [DeliveriesListCommand.self],
        defaultSubcommand: DeliveriesListCommand.self)
}

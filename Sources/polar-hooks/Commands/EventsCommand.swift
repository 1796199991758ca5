import ArgumentParser

/// `polar-hooks events …`.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Webhook events: send them again.",
        subcommands: [EventsRedeliverCommand.self])
}

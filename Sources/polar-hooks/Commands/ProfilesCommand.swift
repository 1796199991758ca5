import ArgumentParser

/// `polar-hooks profiles …`.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Show the saved profiles or pick the default one.",
        subcommands: [ProfilesListCommand.self, ProfilesUseCommand.self],
        defaultSubcommand: ProfilesListCommand.self)
}

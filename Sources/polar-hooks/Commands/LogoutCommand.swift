import ArgumentParser
import FoundationEssentials

/// `polar-hooks logout`: forget a profile's token.
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Remove the token from a profile (the profile's other settings stay).")

    @Option(
        help: ArgumentHelp(
            "The profile to log out of (default: the default profile).", valueName: "name"))
    var profile: String?

    @ParentCommand var root: PolarHooks

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = ConfigStore(environment: environment)
        var config = try store.load()
        let settings = try ConnectionSettings.resolve(
            flags: ConnectionFlags(profile: profile ?? root.connection.profile), environment: environment,
            config: config)
        let console = Console.current()
        guard var stored = config.profiles[settings.profileName], stored.token != nil else {
            console.print("Profile '\(settings.profileName)' has no saved token; nothing to do.")
            return
        }
        stored.token = nil
        config.profiles[settings.profileName] = stored
        try store.save(config)
        console.print("Removed the token of profile '\(settings.profileName)' from \(store.path).")
        if environment["POLAR_ACCESS_TOKEN"].map({ !$0.isEmpty }) ?? false {
            console.warn("POLAR_ACCESS_TOKEN is still set in this shell and will still be used")
        }
    }
}

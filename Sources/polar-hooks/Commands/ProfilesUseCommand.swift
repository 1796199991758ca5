import ArgumentParser
import FoundationEssentials

/// `polar-hooks profiles use NAME`.
struct ProfilesUseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use", abstract: "Make a profile the default.")

    @Argument(help: ArgumentHelp("The profile's name.", valueName: "name"))
    var name: String

    func run() throws {
        try ProfileName.validate(name)
        let store = ConfigStore(environment: ProcessInfo.processInfo.environment)
        var config = try store.load()
        guard config.profiles[name] != nil else {
            let known = config.profiles.keys.sorted()
            let hint =
                known.isEmpty
                ? "there are no profiles yet" : "the profiles are " + known.joined(separator: ", ")
            throw CLIError.usage(
                "there is no profile named '\(name)' (\(hint)); create it with 'polar-hooks login --profile \(name)'"
            )
        }
        config.defaultProfile = name
        try store.save(config)
        Console.current().print("The default profile is now '\(name)'.")
    }
}

import ArgumentParser
import FoundationEssentials
import TerminalText

/// `polar-hooks profiles list`: names and settings, never tokens.
struct ProfilesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the profiles; * marks the default. Tokens are never shown."
    )

    @OptionGroup var output: OutputOptions

    /// One profile in `--json`: whether it has a token, never the token.
    struct Item: Encodable {
        let name: String
        let isDefault: Bool
        let environment: String?
        let apiURL: String?
        let organizationID: String?
        let hasToken: Bool

        enum CodingKeys: String, CodingKey {
            case name
            case isDefault = "default"
            case environment
            case apiURL = "api_url"
            case organizationID = "organization_id"
            case hasToken = "has_token"
        }
    }

    func run() throws {
        let store = ConfigStore(environment: ProcessInfo.processInfo.environment)
        let config = try store.load()
        let console = Console.current(noColor: output.noColor)
        let items = config.profiles.keys.sorted().compactMap { name -> Item? in
            guard let profile = config.profiles[name] else { return nil }
            return Item(
                name: name, isDefault: name == config.defaultProfile, environment: profile.environment,
                apiURL: profile.apiURL, organizationID: profile.organizationID,
                hasToken: profile.token != nil)
        }
        if output.json {
            console.printJSON(try JSONOutput.text(items))
            return
        }
        guard !items.isEmpty else {
            console.print(
                "No profiles yet (\(store.path)). Create one with 'polar-hooks login --profile NAME'.")
            return
        }
        var table = TextTable(headers: ["", "PROFILE", "SERVER", "ORGANIZATION", "TOKEN"])
        for item in items {
            table.append([
                TextTable.Cell(item.isDefault ? "*" : ""),
                TextTable.Cell(item.name),
                TextTable.Cell(item.apiURL ?? item.environment ?? "production"),
                TextTable.Cell(item.organizationID ?? "-"),
                item.hasToken
                    ? TextTable.Cell("saved", color: .green) : TextTable.Cell("none", color: .dim),
            ])
        }
        console.print(table.render())
    }
}

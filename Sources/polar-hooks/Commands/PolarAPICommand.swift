import ArgumentParser

/// A subcommand that talks to Polar: it has its own connection flags, and the root command's
/// too, so that `polar-hooks --profile work endpoints list` works like
/// `polar-hooks endpoints list --profile work`.
protocol PolarAPICommand: AsyncParsableCommand {
    var connection: ConnectionOptions { get }
    var root: PolarHooks { get }
}

extension PolarAPICommand {
    /// The connection that this command's flags and the root's resolve to, with the output flags
    /// when the command prints results and the organization when it narrows to one.
    func makeContext(output: OutputOptions? = nil, organizationID: String? = nil) throws(CLIError) -> CommandContext {
        try CommandContext(
            connection: connection, parent: root.connection, organizationID: organizationID, output: output)
    }
}

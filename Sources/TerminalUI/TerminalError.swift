/// Why the terminal could not be set up, in words a user can act on.
public enum TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Standard input or output is a pipe or a file, not a terminal.
    case notATerminal
    /// `TERM` is unset or names a terminal the terminfo database does not know.
    case unknownTerminal(String)
    /// Neither the user's locale nor C.UTF-8 gives UTF-8, so wide characters cannot be shown.
    case localeNotUTF8(String)
    /// A ``Terminal`` is already set up and not yet restored; there is only one screen.
    case alreadyActive
    /// A system call the terminal layer needs failed.
    case systemCallFailed(String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs a terminal: standard input and output must not be redirected"
        case .unknownTerminal(let name) where name.isEmpty:
            return "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
        case .unknownTerminal(let name):
            return "the terminal type TERM=\(name) is not in the terminfo database; try TERM=xterm-256color"
        case .localeNotUTF8(let codeset):
            return
                "the locale's character set is \(codeset), not UTF-8; set LANG to a UTF-8 locale (for example C.UTF-8)"
        case .alreadyActive:
            return "the terminal is already in use by this program; restore it before setting it up again"
        case .systemCallFailed(let call, let errno):
            return "setting up the terminal failed: \(call) returned error \(errno)"
        }
    }
}

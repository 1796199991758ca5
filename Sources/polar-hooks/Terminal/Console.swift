import Foundation

/// Where the commands write, and what they know about the terminal they run in.
struct Console: Sendable {
    var stdoutIsTerminal: Bool
    var stdinIsTerminal: Bool
    var stderrIsTerminal: Bool
    /// Colours only on a terminal, never with NO_COLOR or `--no-color`.
    var usesColor: Bool

    static func current(noColor: Bool = false) -> Console {
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        let noColorVariable =
            ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Console(
            stdoutIsTerminal: stdoutIsTerminal, stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            usesColor: stdoutIsTerminal && !noColor && !noColorVariable
                && ProcessInfo.processInfo.environment["TERM"] != "dumb")
    }

    /// Writes text and a newline to standard output.
    func print(_ text: String) {
        Self.write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes `warning: …` to standard error.
    func warn(_ text: String) {
        Self.write("warning: \(text)\n", to: STDERR_FILENO)
    }

    /// Writes a note (progress, hints) to standard error so stdout stays clean for scripts.
    func note(_ text: String) {
        Self.write(text + "\n", to: STDERR_FILENO)
    }

    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

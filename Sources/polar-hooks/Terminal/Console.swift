import FoundationEssentials
import SystemIO
import TerminalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the commands write, and what they know about the terminal they run in.
///
/// The one door to the terminal for everything the commands print: text is cleaned by
/// ``Sanitizer`` (control characters and escape sequences from a server, a receiver or a
/// config file cannot reach the terminal), styles come only from ``StyledText``, and JSON is
/// escaped without changing its meaning. Nothing else in the commands writes to stdout or stderr.
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
        Self.out(Sanitizer.clean(text, keepNewlines: true) + "\n")
    }

    /// Writes styled text and a newline to standard output (colours when ``usesColor``).
    func print(_ text: StyledText) {
        Self.out(text.rendered(color: usesColor) + "\n")
    }

    /// Writes JSON and a newline to standard output, byte for byte but for the escapes that
    /// keep control characters inside strings from reaching a terminal.
    func printJSON(_ json: String) {
        Self.out(Sanitizer.terminalSafeJSON(json) + "\n")
    }

    /// ``print(_:)-(StyledText)`` of several lines in one write (a feed catching up).
    func print(lines: [StyledText]) {
        guard !lines.isEmpty else { return }
        var text = ""
        for line in lines { text += line.rendered(color: usesColor) + "\n" }
        Self.out(text)
    }

    /// ``printJSON(_:)`` of several lines in one write.
    func printJSON(lines: [String]) {
        guard !lines.isEmpty else { return }
        var text = ""
        for line in lines { text += Sanitizer.terminalSafeJSON(line) + "\n" }
        Self.out(text)
    }

    /// Writes `warning: …` to standard error.
    func warn(_ text: String) {
        Self.err("warning: \(Sanitizer.clean(text, keepNewlines: true))\n")
    }

    /// Writes a note (progress, hints) to standard error so stdout stays clean for scripts.
    func note(_ text: String) {
        Self.err(Sanitizer.clean(text, keepNewlines: true) + "\n")
    }

    /// Writes `error: …` to standard error.
    static func error(_ text: String) {
        err("error: \(Sanitizer.clean(text, keepNewlines: true))\n")
    }

    /// Writes a question to standard error, without a newline.
    static func ask(_ text: String) {
        err(Sanitizer.clean(text))
    }

    /// Text that is already safe for a terminal: ArgumentParser's own help and usage messages.
    static func writeParserText(_ text: String, toStandardError: Bool) {
        let clean = Sanitizer.clean(text, keepNewlines: true)
        if toStandardError { err(clean) } else { out(clean) }
    }

    static func out(_ text: String) { FileDescriptorWriter.writeAll(Array(text.utf8), to: STDOUT_FILENO) }
    static func err(_ text: String) { FileDescriptorWriter.writeAll(Array(text.utf8), to: STDERR_FILENO) }
}

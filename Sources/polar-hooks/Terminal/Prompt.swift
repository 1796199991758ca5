import FoundationEssentials
import SystemIO
import TextTools

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions asked on the terminal. Never called when standard input is not a terminal:
/// a script must not hang on a prompt.
enum Prompt {
    /// Asks a yes/no question on stderr; only `y` or `yes` agrees. End of input means no.
    static func confirm(_ question: String) -> Bool {
        Console.ask("\(question) [y/N] ")
        guard let answer = readLine(strippingNewline: true) else {
            Console.err("\n")
            return false
        }
        return ["y", "yes"].contains(answer.trimmingWhitespace().lowercased())
    }

    /// Reads one line with echo turned off, so a pasted token does not appear on screen.
    static func readHidden(_ prompt: String) -> String? {
        Console.ask(prompt)
        var original = termios()
        let canHide = tcgetattr(STDIN_FILENO, &original) == 0
        if canHide {
            var hidden = original
            hidden.c_lflag &= ~tcflag_t(ECHO)
            hidden.c_lflag |= tcflag_t(ECHONL)
            // Ctrl-C while echo is off must not leave the user's terminal silent.
            savedTerminalAttributes = original
            signal(SIGINT, restoreTerminalAndExit)
            signal(SIGTERM, restoreTerminalAndExit)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        }
        defer {
            if canHide {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
            }
        }
        return readLine(strippingNewline: true)
    }

    /// Everything on standard input (for a token piped in).
    static func readAllStandardInput() -> String {
        // A read error ends the input like its end does: the token is then missing, and said so.
        String(decoding: (try? FileReader.readAll(from: STDIN_FILENO).get()) ?? [], as: UTF8.self)
    }
}

/// The terminal settings to put back if a signal arrives while echo is off. Written once
/// before the handler is installed, read only by it.
nonisolated(unsafe) private var savedTerminalAttributes = termios()

private func restoreTerminalAndExit(_ signalNumber: Int32) {
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminalAttributes)
    let newline: [UInt8] = [10]
    _ = newline.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, 1) }
    _exit(128 + signalNumber)
}

import FoundationEssentials
import TerminalText

#if canImport(Glibc)
    import Glibc
#endif

/// A block of lines redrawn where it was drawn before, for `health --watch` on a terminal:
/// the cursor goes back to the block's first line, each line is rewritten and cleared to its
/// end, and whatever the old block had below the new one is cleared.
///
/// The block is cut to the terminal's size (one column and one line to spare), since lines
/// that wrap or scroll away could not be found again. The only escape sequences written are
/// the cursor movements here and the styles of ``StyledText``; the text is cleaned by it.
struct InPlaceScreen {
    private var linesDrawn = 0

    mutating func draw(_ frame: StyledText, color: Bool) {
        let size = Self.terminalSize()
        var lines = frame.lines
        let room = max(size.lines - 1, 2)
        if lines.count > room {
            let hidden = lines.count - room + 1
            lines = Array(lines.prefix(room - 1))
            lines.append(StyledText("… \(hidden) more lines: a taller terminal shows them", style: .dim))
        }
        var out = linesDrawn > 0 ? "\r\u{1B}[\(linesDrawn)A" : ""
        for line in lines {
            out += line.truncated(to: max(size.columns - 1, 10)).rendered(color: color) + "\u{1B}[K\n"
        }
        out += "\u{1B}[J"
        Console.out(out)
        linesDrawn = lines.count
    }

    /// Columns and lines of the terminal on standard output; 80×24 when it cannot tell.
    static func terminalSize() -> (columns: Int, lines: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

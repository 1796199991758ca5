/// How ``Terminal`` sets the terminal up.
public struct TerminalOptions: Sendable {
    /// Use colours when the terminal has them. Even when true, colour stays off with a
    /// non-empty `NO_COLOR` in the environment.
    public var color: Bool
    /// Report the mouse wheel (as ↑ and ↓). Off by default so the terminal's own text
    /// selection keeps working.
    public var mouse: Bool
    /// How long ncurses waits after Esc for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int

    public init(color: Bool = true, mouse: Bool = false, escapeDelayMilliseconds: Int = 25) {
        self.color = color
        self.mouse = mouse
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }
}

/// What ``Terminal/nextEvent(timeout:)`` woke up for.
public enum TerminalEvent: Sendable, Equatable {
    /// A key press, or a whole bracketed paste as ``Key/paste(_:)``.
    case key(Key)
    /// The terminal changed size, or its contents were lost (after Ctrl-Z and `fg`): draw
    /// the next frame at this size.
    case resize(Size)
    /// ``Terminal/wake()`` was called: other work has something to show.
    case wake
    /// The timeout passed with nothing else happening.
    case timeout
    /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and exit.
    case terminate(signal: Int32)
}

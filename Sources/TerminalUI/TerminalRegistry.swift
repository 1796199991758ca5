import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Remembers the active ``Terminal`` so that `exit()` anywhere in the program restores the
/// tty first (an `atexit` handler), and so that two terminals are never set up at once.
enum TerminalRegistry {
    private final class WeakTerminal: @unchecked Sendable {
        weak var terminal: Terminal?
        init(_ terminal: Terminal) { self.terminal = terminal }
    }

    private struct State: ~Copyable {
        var active: WeakTerminal?
        var exitHandlerInstalled = false
    }

    private static let state = Mutex(State())

    /// Whether a terminal is set up and not yet restored.
    static var hasActive: Bool { state.withLock { $0.active?.terminal != nil } }

    /// Records `terminal` as the active one, and the first time installs the `atexit`
    /// handler that restores it.
    static func register(_ terminal: Terminal) {
        let firstTime = state.withLock { state in
            state.active = WeakTerminal(terminal)
            defer { state.exitHandlerInstalled = true }
            return !state.exitHandlerInstalled
        }
        if firstTime { atexit { TerminalRegistry.restoreActive() } }
    }

    static func unregister(_ terminal: Terminal) {
        state.withLock { state in
            if state.active?.terminal === terminal || state.active?.terminal == nil { state.active = nil }
        }
    }

    private static func restoreActive() {
        let terminal = state.withLock { $0.active?.terminal }
        terminal?.restore()
    }
}

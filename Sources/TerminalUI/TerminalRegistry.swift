#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Synchronization

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

    /// Records `terminal` as active; false when another one still is.
    static func register(_ terminal: Terminal) -> Bool {
        let installHandler: Bool? = state.withLock { state in
            if state.active?.terminal != nil { return nil }
            state.active = WeakTerminal(terminal)
            defer { state.exitHandlerInstalled = true }
            return !state.exitHandlerInstalled
        }
        guard let installHandler else { return false }
        if installHandler { atexit { TerminalRegistry.restoreActive() } }
        return true
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

import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Signal handling for the one active ``Terminal``. The handlers do only async-signal-safe
/// work: set a bit and write one byte to the wake pipe, which `poll` is watching; the
/// terminal's own thread does the rest in ``Terminal/nextEvent(timeout:)``.
///
/// A fatal signal (a crash, a failed precondition) restores the tty from its saved state
/// and writes the terminal's reset sequences before the previous handler (the Swift
/// backtracer, or the default) runs, so a crash never leaves the shell unusable.
enum TerminalSignals {
    /// The signals that become events, one bit each.
    struct Pending: OptionSet, Sendable {
        let rawValue: UInt32
        static let interrupt = Pending(rawValue: 1 << 0)
        static let terminate = Pending(rawValue: 1 << 1)
        static let hangup = Pending(rawValue: 1 << 2)
        static let windowChange = Pending(rawValue: 1 << 3)
        static let stop = Pending(rawValue: 1 << 4)
        static let continued = Pending(rawValue: 1 << 5)

        init(rawValue: UInt32) { self.rawValue = rawValue }

        init(signal: Int32) {
            switch signal {
            case SIGINT: self = .interrupt
            case SIGTERM: self = .terminate
            case SIGHUP: self = .hangup
            case SIGWINCH: self = .windowChange
            case SIGTSTP: self = .stop
            case SIGCONT: self = .continued
            default: self = []
            }
        }
    }

    static let eventSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    private static let pending = Atomic<UInt32>(0)

    // Written only while no handler is installed (install/uninstall), read by handlers.
    nonisolated(unsafe) private static var wakeDescriptor: Int32 = -1
    nonisolated(unsafe) private static var savedTTY = termios()
    nonisolated(unsafe) private static var resetBytes = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    nonisolated(unsafe) private static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    /// Takes (and clears) the signals that arrived since the last call.
    static func takePending() -> Pending {
        Pending(rawValue: pending.exchange(0, ordering: .sequentiallyConsistent))
    }

    /// Forgets signals of `kind` that arrived meanwhile (a SIGCONT after our own suspend).
    static func discard(_ kind: Pending) {
        pending.bitwiseAnd(~kind.rawValue, ordering: .sequentiallyConsistent)
    }

    /// Installs the handlers. `tty` is the state to put back on a crash, `reset` the bytes
    /// that take the terminal out of the dashboard's modes.
    static func install(wakeDescriptor descriptor: Int32, tty: termios, reset: [UInt8]) {
        wakeDescriptor = descriptor
        savedTTY = tty
        setResetBytes(reset)
        _ = pending.exchange(0, ordering: .sequentiallyConsistent)
        for signal in eventSignals { setHandler(signal, eventHandler, flags: SA_RESTART) }
        // SA_NODEFER|SA_RESETHAND is not used: the handler puts the previous one back itself.
        for signal in fatalSignals { setHandler(signal, fatalHandler, flags: 0) }
    }

    /// Replaces the bytes the crash handler writes. The old buffer is left allocated (a few
    /// bytes, once per terminal): a crash handler running right now may still be reading it.
    static func setResetBytes(_ reset: [UInt8]) {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: reset.count)
        _ = bytes.initialize(from: reset)
        resetBytes = bytes
    }

    /// Puts back the handlers that were there before ``install(wakeDescriptor:tty:reset:)``.
    static func uninstall() {
        for signal in eventSignals + fatalSignals { sigaction(signal, previousActions + Int(signal), nil) }
        wakeDescriptor = -1
    }

    /// Sets SIGTSTP's default action (stop) while suspending; returns what to put back.
    static func setDefaultStopAction() -> sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        var current = sigaction()
        sigaction(SIGTSTP, &action, &current)
        return current
    }

    static func restoreStopAction(_ action: sigaction) {
        var action = action
        sigaction(SIGTSTP, &action, nil)
    }

    private static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        sigaction(signal, &action, previousActions + Int(signal))
    }

    private static let eventHandler: @convention(c) (Int32) -> Void = { signal in
        let savedErrno = errno
        pending.bitwiseOr(Pending(signal: signal).rawValue, ordering: .sequentiallyConsistent)
        var byte = UInt8(ascii: "s")
        _ = write(wakeDescriptor, &byte, 1)
        errno = savedErrno
    }

    // Returning re-runs the faulting instruction (or lets abort() go on) under the previous
    // handler, which then reports the crash on a usable terminal.
    private static let fatalHandler: @convention(c) (Int32) -> Void = { signal in
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTTY)
        if let base = resetBytes.baseAddress { _ = write(STDOUT_FILENO, base, resetBytes.count) }
        sigaction(signal, previousActions + Int(signal), nil)
    }
}

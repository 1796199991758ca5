import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension Terminal {
    /// How long a paste may stall before what arrived is delivered anyway, so a terminal
    /// that never sends the end marker cannot swallow all later input.
    static let pasteStallMilliseconds: Int32 = 500

    /// Waits for the next event: a key, a resize, a ``wake()``, a terminating signal, or
    /// `timeout` (nil waits forever). Sleeps in `poll()` on the tty and the wake pipe, so an
    /// idle program uses no CPU and writes nothing.
    ///
    /// SIGTSTP from outside suspends like ``suspend()``; after it, and after SIGCONT, the
    /// next event is a ``TerminalEvent/resize(_:)`` so the caller draws again.
    public func nextEvent(timeout: Duration?) -> TerminalEvent {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        while true {
            if let terminating = handleSignals() { return terminating }
            if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }

            var wait: Int32 = -1
            if let deadline { wait = Self.milliseconds(until: deadline, clock: clock) }
            if decoder.isInPaste {
                wait = wait < 0 ? Self.pasteStallMilliseconds : min(wait, Self.pasteStallMilliseconds)
            }

            var descriptors = [
                pollfd(fd: isActive ? STDIN_FILENO : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeReadDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return .terminate(signal: SIGHUP)
            }
            let tty = Int32(descriptors[0].revents)
            if tty & Int32(POLLHUP | POLLERR | POLLNVAL) != 0, isActive { return .terminate(signal: SIGHUP) }
            let woken = descriptors[1].revents & Int16(POLLIN) != 0 && drainWakePipe()
            if tty & Int32(POLLIN) != 0 { readInput() }
            if ready == 0, decoder.isInPaste { deliver(decoder.flushPaste()) }
            if woken { pendingEvents.append(.wake) }
            if pendingEvents.isEmpty, let deadline, clock.now >= deadline { return .timeout }
        }
    }

    /// Makes ``nextEvent(timeout:)`` return ``TerminalEvent/wake``. Callable from any thread
    /// or task, and from a signal handler.
    public func wake() {
        var byte = UInt8(ascii: "w")
        _ = write(wakeWriteDescriptor, &byte, 1)
    }

    /// Gives the terminal back and stops the process (Ctrl-Z); on `fg` takes it again and
    /// repaints. The next event is a ``TerminalEvent/resize(_:)`` so the caller draws anew.
    public func suspend() {
        guard isActive else { return }
        leaveModes()
        let handler = TerminalSignals.setDefaultStopAction()
        kill(getpid(), SIGTSTP)
        // Continued (fg): the size may have changed while stopped.
        TerminalSignals.restoreStopAction(handler)
        TerminalSignals.discard(.continued)
        enterModes()
        resizeToKernelSize()
        enqueueResize()
    }

    // MARK: - Internals

    // Signals first: a terminate request beats any queued key.
    private func handleSignals() -> TerminalEvent? {
        let signals = TerminalSignals.takePending()
        if signals.contains(.terminate) { return .terminate(signal: SIGTERM) }
        if signals.contains(.interrupt) { return .terminate(signal: SIGINT) }
        if signals.contains(.hangup) { return .terminate(signal: SIGHUP) }
        guard isActive else { return nil }
        if signals.contains(.stop) {
            suspend()
        } else if signals.contains(.continued) {
            // Stopped by someone else (SIGSTOP) and continued: the screen may be anything.
            clearok(ph_curscr(), true)
            enqueueResize()
        }
        if signals.contains(.windowChange) {
            resizeToKernelSize()
            enqueueResize()
        }
        return nil
    }

    private func resizeToKernelSize() {
        guard let kernel = Self.kernelWindowSize(), kernel != size else { return }
        resizeterm(Int32(kernel.height), Int32(kernel.width))
        // resizeterm queues a KEY_RESIZE; read it now so it does not become a second event.
        readInput()
    }

    private func enqueueResize() {
        pendingEvents.removeAll { if case .resize = $0 { true } else { false } }
        pendingEvents.append(.resize(size))
    }

    private func readInput() {
        guard isActive else { return }
        deliver(decoder.decode(InputReader.readAvailable(from: window)))
    }

    private func deliver(_ outputs: [InputDecoder.Output]) {
        for output in outputs {
            switch output {
            case .key(let key): pendingEvents.append(.key(key))
            case .resize: enqueueResize()
            case .mouse: if let key = InputReader.readMouseKey() { pendingEvents.append(.key(key)) }
            }
        }
    }

    // True when wake() wrote (the signal handler writes too, but its news is in the flags).
    private func drainWakePipe() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 256)
        var woken = false
        while true {
            let count = read(wakeReadDescriptor, &buffer, buffer.count)
            if count <= 0 { break }
            if buffer[..<count].contains(UInt8(ascii: "w")) { woken = true }
        }
        return woken
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int32 {
        let left = clock.now.duration(to: deadline)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}

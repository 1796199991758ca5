#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread of its own for a loop that blocks (the dashboard sleeps in `poll()`), so that it
/// holds none of the few threads that run async tasks. Foundation's `Thread` would link all of
/// Foundation; a POSIX thread is all it takes.
enum LoopThread {
    /// The thread could not be made (the system's reason, e.g. too many threads).
    struct StartError: Error, Sendable, CustomStringConvertible {
        let reason: String
        var description: String { "could not start the dashboard's thread: \(reason)" }
    }

    /// Runs `body` on a new, detached thread.
    static func start(_ body: @escaping @Sendable () -> Void) throws(StartError) {
        let box = Unmanaged.passRetained(Body(run: body))
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                let body = Unmanaged<Body>.fromOpaque(context).takeRetainedValue()
                body.run()
                return nil
            }, box.toOpaque())
        guard result == 0 else {
            box.release()
            throw StartError(reason: String(cString: strerror(result)))
        }
        pthread_detach(thread)
    }

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

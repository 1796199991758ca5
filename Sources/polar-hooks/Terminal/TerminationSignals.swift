import ArgumentParser
import Dispatch
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits for SIGINT or SIGTERM, so a long-running command (`listen`, `emulator`) can close
/// cleanly and then exit as a program ended by that signal conventionally does.
final class TerminationSignals {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init() {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// The signal that came (SIGINT or SIGTERM), or nil when the waiting task was cancelled.
    @discardableResult
    func wait() async -> Int32? {
        var received: Int32?
        for await number in stream {
            received = number
            break
        }
        for source in sources { source.cancel() }
        // Shutting down may take a moment; a second Ctrl-C ends the program at once.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        return received
    }

    /// The exit a shell expects of a program ended by `signal`: 128 plus its number, so 130
    /// after Ctrl-C (SIGINT) and 143 after SIGTERM.
    static func exit(after signal: Int32) -> ExitCode {
        ExitCode(128 + signal)
    }
}

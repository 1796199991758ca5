import Foundation

/// What one run of the binary did.
struct CommandResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs the real built `polar-hooks` as a child process.
enum PolarHooksBinary {
    /// `POLAR_HOOKS_BIN`, or `<package root>/.build/debug/polar-hooks` (built by `swift build`).
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["POLAR_HOOKS_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // PolarHooksTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/polar-hooks")
    }

    /// Runs with exactly `environment` (nothing inherited but PATH), `stdin` piped in (so it
    /// is never a terminal), and waits off the cooperative pool so the in-process emulator
    /// keeps serving while the child runs.
    static func run(_ arguments: [String], environment: [String: String], stdin: String = "")
        async throws
        -> CommandResult
    {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var childEnvironment = environment
        childEnvironment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        process.environment = childEnvironment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Blocking reads and the wait run on their own threads: on Linux the concurrency pool
        // and Dispatch's global queues share threads, and blocking them starves the emulator.
        let outReader = PipeReader(output.fileHandleForReading)
        let errReader = PipeReader(errors.fileHandleForReading)
        return await withCheckedContinuation { continuation in
            let waiter = Thread {
                // The child may exit without reading; that must not kill the test process.
                signal(SIGPIPE, SIG_IGN)
                try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
                try? input.fileHandleForWriting.close()
                let outData = outReader.wait()
                let errData = errReader.wait()
                process.waitUntilExit()
                continuation.resume(
                    returning: CommandResult(
                        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                        stderr: String(decoding: errData, as: UTF8.self)))
            }
            waiter.start()
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the reading thread before `done` is signalled; read only after it.
    private var data = Data()

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

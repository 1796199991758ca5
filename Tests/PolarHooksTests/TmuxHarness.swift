import Foundation
import PolarAPI
import TestSupport
import Testing

/// Drives the real `polar-hooks` binary inside tmux for end-to-end tests.
///
/// Everything here waits for a condition with a bounded poll (20 ms steps), never for a fixed
/// time. Each session uses its own tmux server (`tmux -L <unique>`), so tests cannot see each
/// other's panes or a developer's own tmux.
enum TmuxHarness {
    /// How often a condition is checked while waiting.
    static let pollStep: Duration = .milliseconds(20)
    /// How long a wait lasts before the test fails with the screen in the message.
    static let defaultTimeout: Duration = .seconds(20)

    /// The package root, found from this file's path (Tests/PolarHooksTests/TmuxHarness.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary under test: `POLAR_HOOKS_BIN`, or the debug build in the package.
    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["POLAR_HOOKS_BIN"], !path.isEmpty {
            return path
        }
        return packageRoot.appendingPathComponent(".build/debug/polar-hooks").path
    }

    /// Fails with a clear message when tmux or the binary is missing: these tests need both.
    static func requireTools() throws {
        guard let tmux = which("tmux") else {
            throw HarnessError("tmux is required for the dashboard end-to-end tests; install it (apt-get install tmux)")
        }
        _ = tmux
        guard FileManager.default.isExecutableFile(atPath: binaryPath) else {
            throw HarnessError("no polar-hooks binary at \(binaryPath); run `swift build --product polar-hooks` first")
        }
    }

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A fresh temporary directory, e.g. for `XDG_CONFIG_HOME`.
    static func makeTemporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Polls `condition` every ``pollStep`` until it returns a value or `timeout` passes.
    static func poll<T>(
        timeout: Duration = defaultTimeout, _ condition: () async throws -> T?
    ) async throws -> T? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let value = try await condition() { return value }
            if clock.now >= deadline { return nil }
            try await Task.sleep(for: pollStep)
        }
    }

    /// Runs a program to completion and returns its output.
    ///
    /// Output goes to temporary files, not pipes: `tmux new-session` forks the tmux server,
    /// which inherits the client's stdout and stderr and keeps them open for its whole life,
    /// so reading a pipe to its end would wait for the server to exit.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> ProgramResult {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("polar-e2e-out-\(UUID().uuidString)").path
        let errPath = directory.appendingPathComponent("polar-e2e-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let child = try ChildProcess.spawn(arguments, environment: environment, stdout: outPath, stderr: errPath)
        let status = child.wait()
        return ProgramResult(
            status: status,
            output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    struct ProgramResult {
        let status: Int32
        let output: String
        let errors: String
    }

    struct HarnessError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Quotes a word for `sh -c`.
    static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The direct children of a process, read from /proc.
    static func childProcesses(of parent: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // Fields after the command name: state, ppid, ...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == parent else { return nil }
            return pid
        }
    }
}

// MARK: - Child processes

extension TmuxHarness {
    /// A child process started with `posix_spawn` and reaped with `waitpid`.
    ///
    /// Not Foundation's `Process`: its exit notification runs on Dispatch threads that the
    /// concurrency pool shares, and `waitUntilExit()` on a pool thread was seen to wait for
    /// ever on a 2-core machine. The child also starts with no signal blocked and default
    /// handlers; otherwise it would inherit the pool thread's mask, and a tmux server started
    /// that way never sees SIGTERM (kill-server does nothing) or SIGCHLD (dead panes).
    final class ChildProcess: @unchecked Sendable {
        let pid: pid_t
        private let lock = NSLock()
        private var exitStatus: Int32?

        private init(pid: pid_t) { self.pid = pid }

        /// Starts `arguments[0]` (a path, or a name looked up in PATH) with stdin from
        /// /dev/null and stdout/stderr into the given files. `environment` nil inherits ours.
        static func spawn(
            _ arguments: [String], environment: [String: String]?, stdout: String, stderr: String
        ) throws -> ChildProcess {
            guard let name = arguments.first else { throw HarnessError("nothing to run") }
            guard let executable = name.contains("/") ? name : which(name) else {
                throw HarnessError("\(name) is not installed (not found in PATH)")
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var noSignals = sigset_t()
            sigemptyset(&noSignals)
            posix_spawnattr_setsigmask(&attributes, &noSignals)
            var allSignals = sigset_t()
            sigfillset(&allSignals)
            posix_spawnattr_setsigdefault(&attributes, &allSignals)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

            let environmentStrings = (environment ?? ProcessInfo.processInfo.environment).map {
                "\($0.key)=\($0.value)"
            }
            var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments.dropFirst()).map { strdup($0) } + [nil]
            var envp: [UnsafeMutablePointer<CChar>?] = environmentStrings.map { strdup($0) } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var pid: pid_t = 0
            let result = posix_spawn(&pid, executable, &actions, &attributes, &argv, &envp)
            guard result == 0 else { throw HarnessError("could not start \(executable): errno \(result)") }
            return ChildProcess(pid: pid)
        }

        /// Reaps the child if it has exited; true while it runs.
        var isRunning: Bool {
            lock.lock()
            defer { lock.unlock() }
            guard exitStatus == nil else { return false }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || result == -1 {
                exitStatus = Self.decode(status)
                return false
            }
            return true
        }

        /// Blocks until the child exits; its exit status (128 + n when killed by signal n).
        @discardableResult
        func wait() -> Int32 {
            lock.lock()
            defer { lock.unlock() }
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let decoded = Self.decode(status)
            exitStatus = decoded
            return decoded
        }

        /// SIGTERM, then SIGKILL if it is still there after 5 s (polled every 20 ms); reaps it.
        func stop() {
            guard isRunning else { return }
            Foundation.kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while isRunning && Date() < deadline { usleep(20_000) }
            if isRunning { Foundation.kill(pid, SIGKILL) }
            wait()
        }

        private static func decode(_ status: Int32) -> Int32 {
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }

        deinit { stop() }
    }
}

// MARK: - Emulator

extension TmuxHarness {
    /// `polar-hooks emulator --port 0` as a child process; its URL is read from the first line.
    final class Emulator: @unchecked Sendable {
        static let organizationToken = "polar_oat_emulator"
        static let userToken = "polar_pat_emulator"

        let child: ChildProcess
        let baseURL: String
        let logDirectory: URL

        private init(child: ChildProcess, baseURL: String, logDirectory: URL) {
            self.child = child
            self.baseURL = baseURL
            self.logDirectory = logDirectory
        }

        /// Starts the emulator and waits (bounded) for its "listening on" line.
        static func start(arguments: [String] = []) async throws -> Emulator {
            try requireTools()
            let directory = try makeTemporaryDirectory("polar-e2e-emulator")
            let stdoutPath = directory.appendingPathComponent("stdout").path
            let stderrPath = directory.appendingPathComponent("stderr").path
            // Files, not pipes: a chatty emulator can never block on a full pipe.
            let child = try ChildProcess.spawn(
                [binaryPath, "emulator", "--port", "0"] + arguments, environment: nil,
                stdout: stdoutPath, stderr: stderrPath)
            let prefix = "Polar emulator listening on "
            let url: String?
            do {
                url = try await poll { () -> String? in
                    let text = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
                    guard let newline = text.firstIndex(of: "\n") else {
                        if !child.isRunning { throw HarnessError("the emulator exited early: \(text)") }
                        return nil
                    }
                    let first = String(text[..<newline])
                    guard first.hasPrefix(prefix) else {
                        throw HarnessError("the emulator's first line is not \"\(prefix)…\": \(first)")
                    }
                    return String(first.dropFirst(prefix.count))
                }
            } catch {
                child.stop()
                throw error
            }
            guard let url else {
                child.stop()
                let errors = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
                throw HarnessError("the emulator did not print its URL within the timeout; stderr: \(errors)")
            }
            return Emulator(child: child, baseURL: url, logDirectory: directory)
        }

        /// A client for checking what the dashboard did, through the API itself.
        func client(token: String = Emulator.organizationToken) -> PolarClient {
            PolarClient(
                configuration: PolarClientConfiguration(environment: .custom(baseURL), token: token),
                environmentVariables: [:])
        }

        /// Runs `body` with an API client and always shuts the client down.
        func withClient<T>(
            token: String = Emulator.organizationToken, _ body: (PolarClient) async throws -> T
        ) async throws -> T {
            try await withCleanup(of: client(token: token), body) { await $0.shutdown() }
        }

        /// Stops the emulator and waits for it to go.
        func stop() {
            child.stop()
            try? FileManager.default.removeItem(at: logDirectory)
        }

        deinit { stop() }
    }
}

// MARK: - tmux session

extension TmuxHarness {
    /// One program running in a detached tmux session on a private tmux server.
    ///
    /// The pane runs a small `sh` around the program: it records `stty -g` before and after,
    /// then the exit status, prints ``Session/endMarker`` and waits for a line. So the pane
    /// outlives the program (its terminal modes can be checked afterwards), and the exit
    /// status does not depend on tmux reaping the program: tmux can lose that SIGCHLD while
    /// libutempter briefly sets SIGCHLD to SIG_DFL when the pane closes, and then the pane
    /// never reports a status.
    final class Session: @unchecked Sendable {
        static let endMarker = "polar-e2e: program over"

        let socketName: String
        let target: String
        let directory: URL
        private var closed = false

        private var statusFile: URL { directory.appendingPathComponent("exit-status") }
        private var sttyBeforeFile: URL { directory.appendingPathComponent("stty-before") }
        private var sttyAfterFile: URL { directory.appendingPathComponent("stty-after") }

        /// Starts `command` (a shell command line, not `exec`ed) in a `width`×`height` pane with
        /// `environment` added to a minimal base environment (PATH, HOME, LANG; TERM from tmux).
        init(command: String, environment: [String: String], width: Int = 120, height: Int = 40) throws {
            try requireTools()
            let unique = "polar-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
            socketName = unique
            target = unique
            directory = try makeTemporaryDirectory(unique)
            // No status line: the pane gets every row.
            let config = directory.appendingPathComponent("tmux.conf")
            try """
            set -g status off
            set -g remain-on-exit on
            set -g history-limit 0
            set -g default-terminal screen-256color
            """.write(to: config, atomically: true, encoding: .utf8)
            var base = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": directory.path,
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
            ]
            // A crash is then reported as the run asked (e.g. SWIFT_BACKTRACE=interactive=no,
            // output-to=DIR), not by a backtracer that waits for a key on the test's screen.
            if let backtrace = ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] {
                base["SWIFT_BACKTRACE"] = backtrace
            }
            base.merge(environment) { _, new in new }
            let pendingStatus = shellQuote(statusFile.path + ".pending")
            let wrapper = [
                "stty -g > \(shellQuote(sttyBeforeFile.path))",
                command,
                "echo $? > \(pendingStatus)",
                "stty -g > \(shellQuote(sttyAfterFile.path))",
                // Renamed last, so a status on disk means everything before it is written.
                "mv \(pendingStatus) \(shellQuote(statusFile.path))",
                "echo \(shellQuote(Self.endMarker))",
                "read line",
            ].joined(separator: "; ")
            let exports = base.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }
            let line = "exec env " + exports.joined(separator: " ") + " sh -c " + shellQuote(wrapper)
            let result = try run(
                [
                    "tmux", "-L", socketName, "-f", config.path, "new-session", "-d", "-s", target,
                    "-x", String(width), "-y", String(height), line,
                ],
                environment: base)
            guard result.status == 0 else {
                throw HarnessError("tmux new-session failed (\(result.status)): \(result.errors)")
            }
        }

        /// Starts the dashboard binary with `arguments` against an emulator (or none, for `--demo`).
        convenience init(
            dashboardArguments arguments: [String] = [], environment: [String: String], width: Int = 120,
            height: Int = 40
        ) throws {
            let command = ([binaryPath] + arguments).map(shellQuote).joined(separator: " ")
            try self.init(command: command, environment: environment, width: width, height: height)
        }

        /// `stty -g` in the pane before the program started.
        func sttyBefore() throws -> String { try String(contentsOf: sttyBeforeFile, encoding: .utf8) }
        /// `stty -g` in the pane after the program ended.
        func sttyAfter() throws -> String { try String(contentsOf: sttyAfterFile, encoding: .utf8) }

        private func tmux(_ arguments: [String]) throws -> ProgramResult {
            try run(["tmux", "-L", socketName] + arguments)
        }

        /// Sends tmux key names (`C-s`, `Tab`, `Enter`, `Escape`, `j`…), one per element.
        func send(keys: String...) throws {
            let result = try tmux(["send-keys", "-t", target] + keys)
            guard result.status == 0 else { throw HarnessError("send-keys failed: \(result.errors)") }
        }

        /// Types `text` literally, character by character as a user would.
        func type(_ text: String) throws {
            let result = try tmux(["send-keys", "-t", target, "-l", text])
            guard result.status == 0 else { throw HarnessError("send-keys -l failed: \(result.errors)") }
        }

        /// The visible screen as text, one line per row.
        func screen() throws -> String {
            let result = try tmux(["capture-pane", "-p", "-t", target])
            guard result.status == 0 else { throw HarnessError("capture-pane failed: \(result.errors)") }
            return result.output
        }

        /// Waits (bounded) until the screen contains `text`, and returns that screen.
        @discardableResult
        func waitForScreen(
            containing text: String, timeout: Duration = TmuxHarness.defaultTimeout,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> String {
            try await waitForScreen(timeout: timeout, description: "\"\(text)\"", sourceLocation: sourceLocation) {
                $0.contains(text)
            }
        }

        /// Waits (bounded) until `condition` holds for the screen, and returns that screen.
        @discardableResult
        func waitForScreen(
            timeout: Duration = TmuxHarness.defaultTimeout, description: String,
            sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool
        ) async throws -> String {
            var last = ""
            let found = try await poll(timeout: timeout) { () -> String? in
                last = try screen()
                return condition(last) ? last : nil
            }
            guard let found else {
                throw HarnessError("timed out waiting for \(description); the screen was:\n\(last)")
            }
            return found
        }

        /// Waits (bounded) until the program has exited; returns its exit status (the shell's
        /// `$?`: 128 + n when signal n ended it).
        @discardableResult
        func waitForExit(timeout: Duration = TmuxHarness.defaultTimeout) async throws -> Int {
            let status = try await poll(timeout: timeout) { () -> Int? in
                guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
                return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard let status else {
                throw HarnessError("the program did not exit in time; the screen was:\n\((try? screen()) ?? "")")
            }
            return status
        }

        /// A tmux format evaluated for the pane, e.g. `#{alternate_on}` or `#{cursor_flag}`.
        func format(_ format: String) throws -> String {
            try tmux(["display-message", "-p", "-t", target, format]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Whether the program is still running (its exit status is not written yet).
        func isRunning() throws -> Bool {
            !FileManager.default.fileExists(atPath: statusFile.path)
        }

        /// The process id of the pane's shell.
        func panePID() throws -> Int32 {
            let text = try format("#{pane_pid}")
            guard let pid = Int32(text) else { throw HarnessError("no pane pid: \(text)") }
            return pid
        }

        /// The process id of the program (the pane shell's child), waiting (bounded) for it.
        func programPID() async throws -> Int32 {
            let shell = try panePID()
            guard let pid = try await poll(timeout: .seconds(5), { childProcesses(of: shell).first }) else {
                throw HarnessError("no program process under the pane's shell \(shell)")
            }
            return pid
        }

        /// Resizes the window (and so the pane and the program's terminal).
        func resize(width: Int, height: Int) throws {
            let result = try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
            guard result.status == 0 else { throw HarnessError("resize-window failed: \(result.errors)") }
        }

        /// Sends `signal` to the program.
        func kill(signal: Int32) async throws {
            let target = try await programPID()
            guard Foundation.kill(target, signal) == 0 else {
                throw HarnessError("kill(\(target), \(signal)) failed: errno \(errno)")
            }
        }

        /// Kills the tmux server (and so the program) and removes the temporary directory.
        func close() {
            guard !closed else { return }
            closed = true
            _ = try? tmux(["kill-server"])
            try? FileManager.default.removeItem(at: directory)
            // tmux leaves its socket file behind when the server is killed.
            let socketDirectory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            try? FileManager.default.removeItem(atPath: "\(socketDirectory)/tmux-\(getuid())/\(socketName)")
        }

        deinit { close() }
    }
}

// MARK: - A dashboard against a fresh emulator

extension TmuxHarness {
    /// A fresh emulator plus the dashboard in tmux talking to it, with a private config dir.
    final class Dashboard: @unchecked Sendable {
        let emulator: Emulator
        let session: Session
        let configHome: URL

        private init(emulator: Emulator, session: Session, configHome: URL) {
            self.emulator = emulator
            self.session = session
            self.configHome = configHome
        }

        static func start(
            emulatorArguments: [String] = [], dashboardArguments: [String] = [],
            token: String = Emulator.organizationToken, width: Int = 120, height: Int = 40,
            prepare: (Emulator) async throws -> Void = { _ in }
        ) async throws -> Dashboard {
            let emulator = try await Emulator.start(arguments: emulatorArguments)
            do {
                try await prepare(emulator)
                let configHome = try makeTemporaryDirectory("polar-e2e-config")
                let session = try Session(
                    dashboardArguments: dashboardArguments,
                    environment: [
                        "POLAR_API_URL": emulator.baseURL, "POLAR_ACCESS_TOKEN": token,
                        "XDG_CONFIG_HOME": configHome.path,
                    ],
                    width: width, height: height)
                return Dashboard(emulator: emulator, session: session, configHome: configHome)
            } catch {
                emulator.stop()
                throw error
            }
        }

        func close() {
            session.close()
            emulator.stop()
            try? FileManager.default.removeItem(at: configHome)
        }

        deinit { close() }
    }

    /// Runs `body` with a started dashboard and always cleans up, whether `body` passes or throws.
    static func withDashboard(
        emulatorArguments: [String] = [], dashboardArguments: [String] = [],
        token: String = Emulator.organizationToken, width: Int = 120, height: Int = 40,
        prepare: (Emulator) async throws -> Void = { _ in }, _ body: (Dashboard) async throws -> Void
    ) async throws {
        let dashboard = try await Dashboard.start(
            emulatorArguments: emulatorArguments, dashboardArguments: dashboardArguments, token: token,
            width: width, height: height, prepare: prepare)
        defer { dashboard.close() }
        try await body(dashboard)
    }
}

import Foundation
import Testing

/// Help, completions and ArgumentParser's own errors.
@Suite struct CommandLineTests {
    @Test func helpListsTheCommandsAndExitStatuses() async throws {
        let result = try await PolarHooksBinary.run(["--help"], environment: [:])
        #expect(result.status == 0)
        for command in [
            "endpoints", "deliveries", "events", "event-types", "login", "logout", "profiles",
        ] {
            #expect(result.stdout.contains(command))
        }
        #expect(result.stdout.contains("4 not found"))
        let sub = try await PolarHooksBinary.run(["deliveries", "list", "--help"], environment: [:])
        #expect(sub.status == 0)
        for option in [
            "--endpoint", "--since", "--until", "--succeeded", "--failed", "--query", "--http-class",
            "--event-type",
        ] {
            #expect(sub.stdout.contains(option))
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) async throws {
        let result = try await PolarHooksBinary.run(
            ["--generate-completion-script", shell], environment: [:])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("polar-hooks"))
        #expect(result.stdout.contains("reset-secret"))
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func theEmulatorStopsOnASignalWithTheConventionalStatus(signal: Int32, status: Int32) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdout = folder.appendingPathComponent("out")
        let child = try TmuxHarness.ChildProcess.spawn(
            [PolarHooksBinary.url.path, "emulator", "--port", "0"], environment: nil, stdout: stdout.path,
            stderr: folder.appendingPathComponent("err").path)
        defer { child.stop() }
        let ready = try await TmuxHarness.poll { () -> Bool? in
            ((try? String(contentsOf: stdout, encoding: .utf8)) ?? "").contains("Press Ctrl-C to stop.") ? true : nil
        }
        try #require(ready == true, "the emulator never said it was ready")
        kill(child.pid, signal)
        let stopped = try await TmuxHarness.poll { () -> Bool? in child.isRunning ? nil : true }
        try #require(stopped == true, "the emulator did not stop")
        #expect(child.wait() == status)
    }

    @Test func unknownOptionsAreUsageErrorsWithStatus2() async throws {
        let result = try await PolarHooksBinary.run(["endpoints", "list", "--bogus"], environment: [:])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("error: unknown option '--bogus'"))
        #expect(result.stdout.isEmpty)
    }
}

@Suite struct RootCommandTests {
    @Test(arguments: [[String](), ["--demo"]])
    func dashboardOffATerminalIsRefusedInsteadOfHanging(arguments: [String]) async throws {
        let result = try await PolarHooksBinary.run(arguments, environment: [:])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("error: the dashboard needs a terminal"))
    }
}

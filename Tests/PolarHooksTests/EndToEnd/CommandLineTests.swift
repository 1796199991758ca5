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

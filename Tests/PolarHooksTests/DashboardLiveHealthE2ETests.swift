import Foundation
import PolarAPI
import Testing

/// The dashboard watching on its own: the real binary in tmux with `--refresh 2`, an emulator
/// that spends an event's ten attempts in about a second, and a local receiver whose answer the
/// test changes. No key is pressed while health changes; the screen is only read.
@Suite("Dashboard live health end to end (tmux)", .serialized)
struct DashboardLiveHealthE2ETests {
    static let emulatorArguments = ["--no-sample-data", "--allow-insecure-urls", "--retry-scale", "0.001"]

    /// The list row of the endpoint named `name`, when it is on screen.
    static func row(_ name: String, in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("│● \(name)") || $0.contains("│○ \(name)") }
    }

    @Test(
        "failing 3/10, then ok, then auto-disabled with its notice, with no key pressed; a form's typed text survives it all"
    )
    func healthChangesWhileNobodyTypes() async throws {
        try await AnsweringReceiver.with(answering: 500) { receiver in
            try await TmuxHarness.withDashboard(
                emulatorArguments: Self.emulatorArguments, dashboardArguments: ["--refresh", "2"],
                prepare: { emulator in
                    _ = try await DashboardE2ETests.seedEndpoint(emulator, url: receiver.url, name: "Live hook")
                }
            ) { dashboard in
                let session = dashboard.session
                try await session.waitForScreen(description: "the endpoint, idle") {
                    Self.row("Live hook", in: $0)?.contains("idle") == true
                }

                // Three events fail all their attempts: the row says so within a few refreshes.
                try await triggerEvents(count: 3, emulatorAt: dashboard.emulator.baseURL)
                let failing = try await session.waitForScreen(description: "failing 3/10 in the row") {
                    Self.row("Live hook", in: $0)?.contains("failing 3/10") == true
                }
                #expect(failing.contains("Live hook started failing"))

                // The receiver mended and one more event: ok again.
                await receiver.answer(200)
                try await triggerEvents(count: 1, emulatorAt: dashboard.emulator.baseURL)
                try await session.waitForScreen(description: "ok in the row") {
                    Self.row("Live hook", in: $0)?.contains(" ok ") == true
                }

                // A form open with text typed into it while ten events fail and Polar disables
                // the endpoint: the status line says so, and the text stays.
                let typed = "https://hooks.example.com/typed-while-watching"
                try session.send(keys: "n")
                try await session.waitForScreen(containing: "New endpoint")
                try session.type(typed)
                try await session.waitForScreen(containing: typed)
                await receiver.answer(500)
                try await triggerEvents(count: 10, emulatorAt: dashboard.emulator.baseURL)
                let warned = try await session.waitForScreen(
                    timeout: .seconds(90), description: "the auto-disable warning under the open form"
                ) { $0.contains("Live hook was disabled by Polar after 10 failed events in a row") }
                #expect(warned.contains(typed))
                #expect(warned.contains("New endpoint"))

                // Leaving the form (and its text, on purpose) shows the list with the sticky notice.
                try session.send(keys: "Escape")
                try await session.waitForScreen(containing: "Discard")
                try session.send(keys: "y")
                let list = try await session.waitForScreen(description: "auto-disabled in the row and the notice") {
                    Self.row("Live hook", in: $0)?.contains("auto-disabled") == true
                        && $0.contains("Polar disabled Live hook after 10 failed events in a row")
                }
                #expect(list.contains("press t to enable it again"))
            }
        }
    }
}

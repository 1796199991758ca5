import Foundation
import PolarAPI
import Testing

/// The real dashboard binary in tmux, against `polar-hooks emulator --port 0`.
///
/// Each test starts its own emulator and tmux server, acts with keys, waits for screen
/// content (bounded polls), and checks the outcome through the API where there is one.
@Suite("Dashboard end to end (tmux)", .serialized)
struct DashboardE2ETests {
    typealias Emulator = TmuxHarness.Emulator

    // MARK: Helpers

    /// Creates an endpoint through the API before the dashboard starts.
    static func seedEndpoint(
        _ emulator: Emulator, url: String, name: String?, events: [WebhookEventType] = ["order.paid"]
    ) async throws -> WebhookEndpoint {
        try await emulator.withClient { client in
            try await client.createEndpoint(
                WebhookEndpointCreate(url: url, name: name, format: .raw, events: events))
        }
    }

    /// Runs `body` with a dashboard on an emulator that has one endpoint (`url`, `name`), once
    /// the endpoint shows in the list.
    static func withSeededEndpoint(
        url: String, name: String, _ body: (TmuxHarness.Dashboard, WebhookEndpoint) async throws -> Void
    ) async throws {
        var seeded: WebhookEndpoint?
        try await TmuxHarness.withDashboard(
            emulatorArguments: ["--no-sample-data"],
            prepare: { seeded = try await seedEndpoint($0, url: url, name: name) }
        ) { dashboard in
            let endpoint = try #require(seeded)
            try await dashboard.session.waitForScreen(containing: name)
            try await body(dashboard, endpoint)
        }
    }

    /// Waits (bounded) until the API's answer passes `check`; returns that answer.
    func waitForAPI<T>(
        _ emulator: Emulator, _ description: String, _ fetch: (PolarClient) async throws -> T?
    ) async throws -> T {
        let client = emulator.client()
        defer { Task { await client.shutdown() } }
        var lastError: (any Error)?
        let value = try await TmuxHarness.poll { () -> T? in
            do {
                return try await fetch(client)
            } catch {
                lastError = error
                return nil
            }
        }
        guard let value else {
            throw TmuxHarness.HarnessError(
                "the API never showed \(description)" + (lastError.map { "; last error: \($0)" } ?? ""))
        }
        return value
    }

    /// The first endpoint whose URL starts with `url` (the server may normalise a trailing slash).
    func endpoint(withURL url: String, in client: PolarClient) async throws -> WebhookEndpoint? {
        try await client.allEndpoints().first { $0.url.hasPrefix(url) }
    }

    /// Rows of a screen.
    func rows(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The rows above the footer and the status line (the last two rows).
    func panes(_ screen: String) -> [String] {
        let lines = rows(screen)
        // capture-pane ends every row with a newline, so the split has one empty extra.
        let height = lines.last == "" ? lines.count - 1 : lines.count
        return Array(lines.prefix(max(0, height - 2)))
    }

    /// Waits until the list has loaded (the header shows an endpoint count).
    @discardableResult
    func waitForList(_ session: TmuxHarness.Session) async throws -> String {
        try await session.waitForScreen(description: "the endpoint count in the header") { screen in
            guard let header = rows(screen).first else { return false }
            return header.range(of: #"\d+ endpoints?\b"#, options: .regularExpression) != nil
        }
    }

    /// Opens the new-endpoint form from the list and types `url` into its first field.
    func openForm(_ session: TmuxHarness.Session, typing url: String) async throws {
        _ = try await waitForList(session)
        try session.send(keys: "n")
        try await session.waitForScreen(containing: "URL")
        try session.type(url)
        try await session.waitForScreen(containing: url)
    }

    // MARK: Tests

    @Test("create an endpoint through the form: URL typed, all events with a, Ctrl-S")
    func createThroughForm() async throws {
        let url = "https://hooks.example.com/e2e-create"
        try await TmuxHarness.withDashboard(emulatorArguments: ["--no-sample-data"]) { dashboard in
            let session = dashboard.session
            try await openForm(session, typing: url)
            // URL → Name → Format → Secret → Events (Organization is skipped for an org token).
            for _ in 0..<4 { try session.send(keys: "Tab") }
            try session.send(keys: "a")
            try await session.waitForScreen(description: "all 42 events chosen") {
                $0.contains("42 of 42")
            }
            try session.send(keys: "C-s")

            let created = try await waitForAPI(dashboard.emulator, "the new endpoint") { client in
                try await endpoint(withURL: url, in: client)
            }
            #expect(Set(created.events) == Set(WebhookEventCatalog.allTypes))
            #expect(created.format == .raw)
            #expect(created.enabled)
            // The new row is in the list (and selected: its URL is in the detail pane too).
            let screen = try await session.waitForScreen(description: "the new row and \"1 endpoint\"") {
                $0.contains("e2e-create") && (rows($0).first ?? "").contains("1 endpoint")
            }
            #expect(screen.contains("e2e-create"))
        }
    }

    @Test("an http:// URL shows the error beside the field and keeps the text")
    func httpURLIsRejectedInPlace() async throws {
        let typed = "http://hooks.example.com/plain"
        try await TmuxHarness.withDashboard(emulatorArguments: ["--no-sample-data"]) { dashboard in
            let session = dashboard.session
            try await waitForList(session)
            try session.send(keys: "n")
            try await session.waitForScreen(containing: "URL")
            try session.type(typed)
            // Beside the field: on the URL's own row, after the typed text, a message that
            // asks for https (whatever its exact words).
            let screen = try await session.waitForScreen(description: "the https error beside the URL field") {
                screen in
                rows(screen).contains { row in
                    guard let typedRange = row.range(of: typed) else { return false }
                    return row[typedRange.upperBound...].contains("https")
                }
            }
            #expect(screen.contains(typed))
            // Saving anyway sends nothing: the text stays and no endpoint appears.
            try session.send(keys: "C-s")
            try await session.waitForScreen(containing: typed)
            let count = try await dashboard.emulator.withClient { try await $0.allEndpoints().count }
            #expect(count == 0)
            #expect(try session.screen().contains(typed))
        }
    }

    @Test("edit: a new name shows in the list and through the API")
    func editName() async throws {
        try await Self.withSeededEndpoint(url: "https://hooks.example.com/edit", name: "Old name") {
            dashboard, endpoint in
            let session = dashboard.session
            try session.send(keys: "e")
            try await session.waitForScreen(containing: "Save")
            try session.send(keys: "Tab")  // URL → Name
            try session.send(keys: "C-u")
            try session.type("Renamed by e2e")
            try await session.waitForScreen(containing: "Renamed by e2e")
            try session.send(keys: "C-s")
            let updated = try await waitForAPI(dashboard.emulator, "the new name") { client in
                let current = try await client.endpoint(id: endpoint.id)
                return current.name == "Renamed by e2e" ? current : nil
            }
            #expect(updated.url == endpoint.url)
            #expect(updated.events == endpoint.events)
            try await session.waitForScreen(description: "the list row with the new name and no form") {
                $0.contains("Renamed by e2e") && !$0.contains("Old name") && !$0.contains("[ Save ]")
            }
        }
    }

    @Test("t disables an endpoint after the confirmation (API shows enabled false)")
    func toggleDisables() async throws {
        try await Self.withSeededEndpoint(url: "https://hooks.example.com/toggle", name: "Toggle me") {
            dashboard, endpoint in
            #expect(endpoint.enabled)
            let session = dashboard.session
            try session.send(keys: "t")
            // The dialog names the endpoint, and nothing is sent before the answer.
            try await session.waitForScreen(containing: "Disable Toggle me?")
            let untouched = try await dashboard.emulator.withClient { try await $0.endpoint(id: endpoint.id) }
            #expect(untouched.enabled)
            try session.send(keys: "y")
            let disabled = try await waitForAPI(dashboard.emulator, "enabled false") { client in
                let current = try await client.endpoint(id: endpoint.id)
                return current.enabled ? nil : current
            }
            #expect(!disabled.enabled)
            try await session.waitForScreen(containing: "disabled")
        }
    }

    @Test("d deletes an endpoint after the confirmation (API answers 404)")
    func deleteEndpoint() async throws {
        try await Self.withSeededEndpoint(url: "https://hooks.example.com/delete", name: "Doomed hook") {
            dashboard, endpoint in
            let session = dashboard.session
            try session.send(keys: "d")
            // The dialog names the endpoint.
            try await session.waitForScreen(description: "a delete dialog naming the endpoint") { screen in
                rows(screen).contains { $0.contains("Delete Doomed hook?") }
            }
            _ = try await dashboard.emulator.withClient { try await $0.endpoint(id: endpoint.id) }
            try session.send(keys: "y")
            let status = try await waitForAPI(dashboard.emulator, "404 for the deleted endpoint") { client -> Int? in
                do {
                    _ = try await client.endpoint(id: endpoint.id)
                    return nil
                } catch {
                    return error.httpStatus
                }
            }
            #expect(status == 404)
            try await session.waitForScreen(description: "the row gone and \"0 endpoints\"") {
                // The status line may say "Deleted Doomed hook" for a while: look above it.
                !panes($0).contains { $0.contains("Doomed hook") } && (rows($0).first ?? "").contains("0 endpoints")
            }
        }
    }

    @Test("resizing mid-form keeps the typed text, and the layout follows the new size")
    func resizeMidForm() async throws {
        let url = "https://hooks.example.com/resized"
        try await TmuxHarness.withDashboard(emulatorArguments: ["--no-sample-data"]) { dashboard in
            let session = dashboard.session
            try await openForm(session, typing: url)

            for (width, height) in [(80, 24), (140, 45), (100, 30)] {
                try session.resize(width: width, height: height)
                let screen = try await session.waitForScreen(description: "the form redrawn at \(width)×\(height)") {
                    screen in
                    // The form's frame spans the new size exactly: its top-left corner on row 1,
                    // its top-right corner in the last column, its bottom edge right above the
                    // footer and the status line. An old frame left in a resized pane fails this.
                    let lines = rows(screen)
                    guard lines.count > height - 3, lines.count >= 2 else { return false }
                    let top = Array(lines[1])
                    let bottom = Array(lines[height - 3])
                    return screen.contains(url) && top.first == "┌" && top.count == width && top.last == "┐"
                        && bottom.first == "└" && bottom.count == width && bottom.last == "┘"
                }
                #expect(screen.contains(url))
            }
            // Still the same form: saving creates the typed URL.
            for _ in 0..<4 { try session.send(keys: "Tab") }
            try session.send(keys: "a")
            try session.send(keys: "C-s")
            _ = try await waitForAPI(dashboard.emulator, "the endpoint typed before the resizes") { client in
                try await endpoint(withURL: url, in: client)
            }
        }
    }

    /// Checks, after the dashboard ended, that the terminal is as it was before it started:
    /// the same `stty -g`, and (as tmux sees the pane, whose shell is still running) the normal
    /// screen, a visible cursor, and no keypad or mouse modes left on.
    func expectTerminalRestored(
        _ session: TmuxHarness.Session, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try session.sttyBefore()
        #expect(!before.isEmpty, sourceLocation: sourceLocation)
        #expect(
            try session.sttyAfter() == before, "stty -g differs after the dashboard", sourceLocation: sourceLocation)
        let modes = [
            ("#{alternate_on}", "0", "the alternate screen was not left"),
            ("#{cursor_flag}", "1", "the cursor was left hidden"),
            ("#{keypad_cursor_flag}", "0", "cursor-key application mode was left on"),
            ("#{keypad_flag}", "0", "keypad application mode was left on"),
            ("#{mouse_any_flag}", "0", "mouse reporting was left on"),
        ]
        for (format, expected, problem) in modes {
            #expect(try session.format(format) == expected, "\(problem)", sourceLocation: sourceLocation)
        }
    }

    @Test("SIGTERM gives the terminal back as it was (stty -g before and after)")
    func sigtermRestoresTerminal() async throws {
        try await TmuxHarness.withDashboard(emulatorArguments: ["--no-sample-data"]) { dashboard in
            let session = dashboard.session
            try await waitForList(session)
            // While it runs, the dashboard has the terminal in its own modes.
            #expect(try session.format("#{alternate_on}") == "1")
            #expect(try session.format("#{cursor_flag}") == "0")
            #expect(try session.sttyBefore() != "")

            try await session.kill(signal: SIGTERM)
            let status = try await session.waitForExit()
            try await session.waitForScreen(containing: TmuxHarness.Session.endMarker)
            try expectTerminalRestored(session)
            // Ended by the signal (or exiting on it), not by a crash.
            #expect([0, 128 + Int(SIGTERM)].contains(status), "exit status \(status)")
        }
    }

    @Test(
        "q quits with status 0, Ctrl-C at once with 130 (as an interrupted program does); both give the terminal back",
        arguments: [("q", 0), ("C-c", 130)])
    func quittingRestoresTerminal(keys: String, status: Int) async throws {
        try await TmuxHarness.withDashboard(emulatorArguments: ["--no-sample-data"]) { dashboard in
            let session = dashboard.session
            try await waitForList(session)
            try session.send(keys: keys)
            #expect(try await session.waitForExit() == status)
            try await session.waitForScreen(containing: TmuxHarness.Session.endMarker)
            try expectTerminalRestored(session)
        }
    }

    @Test("--demo starts without a token, on its own emulator")
    func demoStartsWithoutToken() async throws {
        let configHome = try TmuxHarness.makeTemporaryDirectory("polar-e2e-demo")
        defer { try? FileManager.default.removeItem(at: configHome) }
        let session = try TmuxHarness.Session(
            dashboardArguments: ["--demo"], environment: ["XDG_CONFIG_HOME": configHome.path])
        defer { session.close() }
        let screen = try await session.waitForScreen(description: "a loaded demo list") { screen in
            guard let header = rows(screen).first else { return false }
            return header.contains("Acme Demo")
                && header.range(of: #"[1-9]\d* endpoints?"#, options: .regularExpression) != nil
        }
        #expect(!screen.lowercased().contains("token is missing"))
        #expect(try session.isRunning())
        try session.send(keys: "q")
        let status = try await session.waitForExit()
        let last = try session.screen()
        #expect(status == 0, "exit status \(status); the screen was:\n\(last)")
    }

    @Test("a 50×12 terminal shows \"too small\", then the dashboard once it grows")
    func terminalTooSmall() async throws {
        try await TmuxHarness.withDashboard(width: 50, height: 12) { dashboard in
            let session = dashboard.session
            let small = try await session.waitForScreen(containing: "too small")
            #expect(rows(small).allSatisfy { $0.count <= 50 })
            #expect(try session.isRunning())
            try session.resize(width: 120, height: 40)
            try await waitForList(session)
            try session.resize(width: 50, height: 12)
            try await session.waitForScreen(containing: "too small")
            try session.send(keys: "q")
            let status = try await session.waitForExit()
            let last = try session.screen()
            #expect(status == 0, "exit status \(status); the screen was:\n\(last)")
        }
    }
}

extension Error {
    /// The HTTP status a ``PolarError`` carries, if any.
    fileprivate var httpStatus: Int? { (self as? PolarError)?.status }
}

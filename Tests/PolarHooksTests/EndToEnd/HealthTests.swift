import Foundation
import PolarAPI
import PolarEmulator
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `polar-hooks health` as a real process against the emulator, with endpoints pointed at a
/// local receiver that fails and then recovers; Polar's 10 attempts take milliseconds here.
@Suite struct HealthTests {
    static let options = EmulatorOptions(port: 0, sampleData: false, allowInsecureURLs: true, retryDelayScale: 0.001)

    static func createEndpoint(_ name: String, url: String, on fixture: EmulatorFixture) async throws
        -> WebhookEndpoint
    {
        try await fixture.withClient { client in
            try await client.createEndpoint(
                WebhookEndpointCreate(url: url, name: name, format: .raw, events: ["order.paid"]))
        }
    }

    /// Waits (bounded) until the endpoint has `events` events and none is pending.
    static func waitForCompletedEvents(
        _ events: Int, of endpoint: WebhookEndpoint, on fixture: EmulatorFixture
    ) async throws {
        try await fixture.waitUntil("\(events) events of \(endpoint.name ?? endpoint.id) are completed", attempts: 2400)
        {
            let deliveries = try await fixture.deliveries(DeliveryFilter(endpointIds: [endpoint.id]))
            let states = Dictionary(deliveries.map { ($0.webhookEvent.id, $0.webhookEvent.succeeded) }) { a, _ in a }
            return states.count == events && states.values.allSatisfy { $0 != nil }
        }
    }

    /// The objects of `health --json`, each as a dictionary.
    static func objects(_ result: CommandResult) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
        return try #require(parsed as? [[String: Any]], "\(result)")
    }

    @Test func failingThenOKThenAutoDisabledWithTheExitStatusesAMonitorReads() async throws {
        try await AnsweringReceiver.with(answering: 500) { receiver in
            try await EmulatorFixture.with(Self.options) { fixture in
                let endpoint = try await Self.createEndpoint("Orders", url: receiver.url, on: fixture)
                try await triggerEvents(count: 3, emulatorAt: fixture.baseURL)
                try await Self.waitForCompletedEvents(3, of: endpoint, on: fixture)

                let failing = try await fixture.run(["health", "--json"])
                #expect(failing.status == 5, "\(failing)")
                let object = try #require(try Self.objects(failing).first)
                #expect(object["id"] as? String == endpoint.id)
                #expect(object["state"] as? String == "failing")
                #expect(object["consecutive_failures"] as? Int == 3)
                #expect(object["last_http_code"] as? Int == 500)
                #expect(object["last_success_at"] is NSNull)
                #expect(object["failed_24h"] as? Int == 3)
                #expect(object["enabled"] as? Bool == true)
                #expect(failing.stderr.contains("1 of 1 endpoint is failing or auto-disabled: Orders (failing 3/10)"))
                // A monitor can diff two runs: same data, same bytes, keys in the documented order.
                let again = try await fixture.run(["health", "--json"])
                #expect(again.stdout == failing.stdout)
                let line = try #require(failing.stdout.split(separator: "\n").dropFirst().first)
                let keys = [
                    "id", "name", "url", "enabled", "state", "consecutive_failures", "last_delivery_at",
                    "last_http_code", "last_success_at", "succeeded_24h", "failed_24h", "pending_24h",
                ]
                let positions = keys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
                #expect(positions.count == keys.count && positions == positions.sorted(), "\(line)")

                let table = try await fixture.run(["health"])
                #expect(table.status == 5, "\(table)")
                let rows = table.stdout.split(separator: "\n").map(String.init)
                #expect(rows.first?.hasPrefix("NAME") == true)
                #expect(rows.first?.contains("FAILED IN A ROW") == true)
                #expect(rows.contains { $0.hasPrefix("Orders") && $0.contains("failing 3/10") && $0.contains("0/3/0") })
                #expect(table.stdout.contains("Orders: last failure 500, "))
                #expect(table.stdout.contains("Receiver broken (500)"))

                await receiver.answer(200)
                try await triggerEvents(emulatorAt: fixture.baseURL)
                try await Self.waitForCompletedEvents(4, of: endpoint, on: fixture)
                let mended = try await fixture.run(["health", "--json"])
                #expect(mended.status == 0, "\(mended)")
                let ok = try #require(try Self.objects(mended).first)
                #expect(ok["state"] as? String == "ok")
                #expect(ok["consecutive_failures"] as? Int == 0)
                #expect(ok["last_http_code"] as? Int == 200)
                #expect(ok["succeeded_24h"] as? Int == 1)

                // Ten failed events in a row: Polar disables the endpoint.
                await receiver.answer(500)
                try await triggerEvents(count: 10, emulatorAt: fixture.baseURL)
                try await fixture.waitUntil("Polar disables the endpoint", attempts: 2400) {
                    try await fixture.endpoints().first { $0.id == endpoint.id }?.enabled == false
                }
                let disabled = try await fixture.run(["health", "--json"])
                #expect(disabled.status == 5, "\(disabled)")
                let auto = try #require(try Self.objects(disabled).first)
                #expect(auto["state"] as? String == "auto-disabled")
                #expect(auto["consecutive_failures"] as? Int == 10)
                #expect(auto["enabled"] as? Bool == false)
                let onlyAuto = try await fixture.run(["health", "--fail-on", "auto-disabled"])
                #expect(onlyAuto.status == 5, "\(onlyAuto)")
                #expect(onlyAuto.stdout.contains("auto-disabled"))

                // Disabled by someone: not what --fail-on auto-disabled (or the default) is about.
                let paused = try await Self.createEndpoint("Paused", url: receiver.url, on: fixture)
                _ = try await fixture.withClient { client in
                    try await client.updateEndpoint(id: paused.id, WebhookEndpointUpdate(enabled: false))
                }
                let quiet = try await fixture.run([
                    "health", "--endpoint", paused.id, "--fail-on", "auto-disabled", "--json",
                ])
                #expect(quiet.status == 0, "\(quiet)")
                #expect(try Self.objects(quiet).map { $0["state"] as? String } == ["disabled"])
                #expect(try await fixture.run(["health", "--endpoint", paused.id]).status == 0)
                let strict = try await fixture.run(["health", "--endpoint", paused.id, "--fail-on", "disabled"])
                #expect(strict.status == 5, "\(strict)")
                // Both, in the order asked for.
                let both = try await fixture.run([
                    "health", "--endpoint", paused.id, "--endpoint", endpoint.id, "--json",
                ])
                #expect(both.status == 5)
                #expect(try Self.objects(both).map { $0["name"] as? String } == ["Paused", "Orders"])
            }
        }
    }

    /// The emulator's answer to `GET path`, with `extra` added to its items.
    static func rawList(_ path: String, adding extra: [String: Any]? = nil, on fixture: EmulatorFixture) async throws
        -> String
    {
        let url = try #require(URL(string: fixture.baseURL + path))
        var request = URLRequest(url: url)
        request.setValue("Bearer \(EmulatorTokens.organization)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        var list = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        if let extra { list["items"] = try #require(list["items"] as? [Any]) + [extra] }
        return String(decoding: try JSONSerialization.data(withJSONObject: list), as: UTF8.self)
    }

    @Test func endpointsAndDeliveriesThatCannotBeReadAreNamedOnStderrAndTheRestIsReported() async throws {
        try await AnsweringReceiver.with(answering: 500) { receiver in
            try await EmulatorFixture.with(Self.options) { fixture in
                let endpoint = try await Self.createEndpoint("Orders", url: receiver.url, on: fixture)
                try await triggerEvents(emulatorAt: fixture.baseURL)
                try await Self.waitForCompletedEvents(1, of: endpoint, on: fixture)
                // What a newer Polar (or a hostile server) might send: an item this version
                // cannot read, whose id carries an escape sequence.
                let endpoints = try await Self.rawList(
                    "/v1/webhooks/endpoints?limit=100",
                    adding: ["id": "bad-endpoint\u{1B}[2J", "enabled": "maybe"], on: fixture)
                let deliveries = try await Self.rawList(
                    "/v1/webhooks/deliveries?limit=100&endpoint_id=\(endpoint.id)",
                    adding: ["id": "bad-delivery", "succeeded": 7], on: fixture)
                try await FixedAnswers.with([
                    "/v1/webhooks/endpoints": endpoints, "/v1/webhooks/deliveries": deliveries,
                ]) { polar in
                    let result = try await PolarHooksBinary.run(
                        ["health", "--json"], environment: fixture.environment(extra: ["POLAR_API_URL": polar.baseURL]))
                    #expect(result.status == 5, "\(result)")
                    let objects = try Self.objects(result)
                    #expect(objects.map { $0["id"] as? String } == [endpoint.id])
                    #expect(objects.first?["consecutive_failures"] as? Int == 1)
                    #expect(result.stderr.contains("warning: 1 endpoint could not be read"), "\(result.stderr)")
                    #expect(result.stderr.contains("bad-endpoint"))
                    #expect(
                        result.stderr.contains("warning: 1 delivery of Orders could not be read"), "\(result.stderr)")
                    #expect(result.stderr.contains("bad-delivery"))
                    #expect(!result.stderr.contains("\u{1B}"))
                }
            }
        }
    }

    /// `--endpoint` asks the program for the account's endpoint IDs on TAB, as the other
    /// commands' endpoint IDs do (what it answers is EndpointIDCompletionTests' part: run here,
    /// the TAB's 1.5 s deadline would make the test depend on how busy the machine is).
    @Test func theShellCompletesEndpointIDsAfterEndpoint() async throws {
        let script = try await PolarHooksBinary.run(["--generate-completion-script", "bash"], environment: [:])
        #expect(script.status == 0, "\(script)")
        #expect(script.stdout.contains("---completion health -- --endpoint "))
        #expect(script.stdout.contains("---completion deliveries list -- --endpoint "))
    }

    @Test func anEndpointPolarDisabledReadsSoWhenItsTenFailedEventsSpanMoreThanAPage() async throws {
        try await EmulatorFixture.with { fixture in
            let analytics = try await fixture.endpoint(named: "Analytics pipeline")
            // The sample's newest 100 deliveries hold only nine of its failed events: the two
            // events Polar skipped when it disabled the endpoint take places too.
            let newest = try await fixture.withClient { client in
                try await client.listDeliveries(DeliveryFilter(endpointIds: [analytics.id]), limit: 100)
            }
            let failedOnFirstPage = Set(
                newest.items.filter { $0.webhookEvent.succeeded == false }.map(\.webhookEvent.id))
            #expect(failedOnFirstPage.count < 10, "the sample no longer needs a second page")

            let result = try await fixture.run(["health", "--endpoint", analytics.id, "--json"])
            #expect(result.status == 5, "\(result)")
            let object = try #require(try Self.objects(result).first)
            #expect(object["state"] as? String == "auto-disabled")
            #expect(object["consecutive_failures"] as? Int == 10)
        }
    }

    @Test func anUnknownEndpointIsNotFoundAMalformedOneIsUsageAndNoTokenIsAuthentication() async throws {
        try await EmulatorFixture.with { fixture in
            let unknown = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
            let missing = try await fixture.run(["health", "--endpoint", unknown])
            #expect(missing.status == 4, "\(missing)")
            #expect(missing.stderr.contains("no webhook endpoint \(unknown)"))
            #expect(missing.stdout.isEmpty)
            let malformed = try await fixture.run(["health", "--endpoint", "nope"])
            #expect(malformed.status == 2, "\(malformed)")
            let anonymous = try await fixture.run(["health"], token: nil)
            #expect(anonymous.status == 3, "\(anonymous)")
            #expect(anonymous.stderr.contains("no access token"))
            let confused = try await fixture.run(["health", "--watch", "5", "--fail-on", "disabled"])
            #expect(confused.status == 2, "\(confused)")
            let noBudget = try await fixture.run(["health", "--watch", "5", "--refresh-budget", "0"])
            #expect(noBudget.status == 2, "\(noBudget)")
        }
    }

    @Test func watchWithJSONPrintsALinePerChangeAndCtrlCEndsItWith130() async throws {
        try await AnsweringReceiver.with(answering: 500) { receiver in
            try await EmulatorFixture.with(Self.options) { fixture in
                let endpoint = try await Self.createEndpoint("Orders", url: receiver.url, on: fixture)
                let watch = try JSONWatch(environment: fixture.environment(), in: fixture.home)
                defer { watch.child.stop() }
                let first = try await TmuxHarness.poll { watch.lines().first }
                #expect(first?["id"] as? String == endpoint.id)
                #expect(first?["state"] as? String == "idle")

                try await triggerEvents(emulatorAt: fixture.baseURL)
                let failed = try await TmuxHarness.poll {
                    watch.lines().first { $0["consecutive_failures"] as? Int == 1 }
                }
                #expect(failed?["state"] as? String == "failing", "\(watch.lines())")
                // A line per change: no two consecutive lines are the same object.
                let raw = watch.output().split(separator: "\n")
                #expect(zip(raw, raw.dropFirst()).allSatisfy { $0 != $1 }, "\(raw)")

                #expect(try await watch.interrupt() == 130)
            }
        }
    }

    @Test func aWatchThatCannotReachPolarSaysSoAndCarriesOnWhenItComesBack() async throws {
        try await EmulatorFixture.with(Self.options) { fixture in
            let endpoint = try await Self.createEndpoint("Orders", url: "http://127.0.0.1:9/hook", on: fixture)
            let answers = [
                "/v1/webhooks/endpoints": try await Self.rawList("/v1/webhooks/endpoints?limit=100", on: fixture),
                "/v1/webhooks/deliveries": try await Self.rawList("/v1/webhooks/deliveries?limit=100", on: fixture),
            ]
            // A port that was just free: nothing answers there until the stand-in starts again.
            let port = try await FixedAnswers.with(answers) { polar in
                try #require(URLComponents(string: polar.baseURL)?.port)
            }
            let watch = try JSONWatch(
                environment: fixture.environment(extra: ["POLAR_API_URL": "http://127.0.0.1:\(port)"]),
                in: fixture.home)
            defer { watch.child.stop() }
            let offline = try await TmuxHarness.poll { watch.errors().contains("warning: offline: ") ? true : nil }
            #expect(offline == true, "\(watch.errors())")
            #expect(watch.child.isRunning)
            #expect(watch.lines().isEmpty)
            try await FixedAnswers.with(answers, port: port) { _ in
                let first = try await TmuxHarness.poll { watch.lines().first }
                #expect(first?["id"] as? String == endpoint.id, "\(watch.errors())")
            }
            #expect(try await watch.interrupt() == 130)
        }
    }

    @Test func aWatchToldToSlowDownHalvesItsBudgetAndStillStopsAtCtrlC() async throws {
        // Four requests a minute: creating the endpoint takes one, the first round two (the list
        // and the endpoint's deliveries), so the second round's second request is refused.
        var options = Self.options
        options.rateLimitPerMinute = 4
        try await EmulatorFixture.with(options) { fixture in
            let endpoint = try await Self.createEndpoint("Orders", url: "http://127.0.0.1:9/hook", on: fixture)
            let watch = try JSONWatch(environment: fixture.environment(), in: fixture.home)
            defer { watch.child.stop() }
            let first = try await TmuxHarness.poll { watch.lines().first }
            #expect(first?["id"] as? String == endpoint.id)
            let told = try await TmuxHarness.poll {
                watch.errors().contains(
                    "warning: Polar answered 429 Too Many Requests; now at most 250 requests a minute")
                    ? true : nil
            }
            #expect(told == true, "\(watch.errors())")
            // The wait Polar asked for (up to a minute) does not hold up Ctrl-C.
            #expect(try await watch.interrupt() == 130)
        }
    }

    @Test func watchOnATerminalRedrawsTheTableInPlace() async throws {
        try TmuxHarness.requireTools()
        try await AnsweringReceiver.with(answering: 500) { receiver in
            try await EmulatorFixture.with(Self.options) { fixture in
                _ = try await Self.createEndpoint("Orders", url: receiver.url, on: fixture)
                let session = try TmuxHarness.Session(
                    dashboardArguments: ["health", "--watch", "1", "--refresh-budget", "500"],
                    environment: fixture.environment(), width: 160, height: 20)
                defer { session.close() }
                try await session.waitForScreen(containing: "idle")
                #expect(try session.screen().contains("Health of 1 endpoint · fetched "))
                try await triggerEvents(emulatorAt: fixture.baseURL)
                let screen = try await session.waitForScreen(containing: "failing 1/10")
                // Redrawn, not appended: one status line, one header, one row.
                #expect(screen.components(separatedBy: "Health of 1 endpoint").count == 2, "\(screen)")
                #expect(screen.components(separatedBy: "FAILED IN A ROW").count == 2, "\(screen)")
                #expect(screen.components(separatedBy: "Orders ").count == 2, "\(screen)")
                // What Ctrl-C sends, to the program alone (the pane's shell would die of it too).
                try await session.kill(signal: SIGINT)
                #expect(try await session.waitForExit() == 130)
            }
        }
    }
}

/// `polar-hooks health --watch 1 --json` as a child process, its output in files.
private struct JSONWatch {
    let child: TmuxHarness.ChildProcess
    private let stdout: URL
    private let stderr: URL

    init(environment: [String: String], in directory: URL) throws {
        stdout = directory.appendingPathComponent("watch.out")
        stderr = directory.appendingPathComponent("watch.err")
        var environment = environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        child = try TmuxHarness.ChildProcess.spawn(
            [PolarHooksBinary.url.path, "health", "--watch", "1", "--json", "--refresh-budget", "500"],
            environment: environment, stdout: stdout.path, stderr: stderr.path)
    }

    func output() -> String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }
    func errors() -> String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

    /// The JSON lines printed so far.
    func lines() -> [[String: Any]] {
        output().split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Ctrl-C; the exit status, or nil when the watch did not stop.
    func interrupt() async throws -> Int32? {
        kill(child.pid, SIGINT)
        let stopped = try await TmuxHarness.poll { child.isRunning ? nil : true }
        return stopped == true ? child.wait() : nil
    }
}

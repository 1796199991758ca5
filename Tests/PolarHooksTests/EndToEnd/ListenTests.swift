import Foundation
import PolarAPI
import PolarEmulator
import StandardWebhooks
import Testing
import WebhookListener

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `polar-hooks listen` as a real process, receiving the emulator's signed deliveries.
@Suite struct ListenTests {
    /// A running `polar-hooks listen …`, its URL, and its output files.
    struct Listener {
        let child: TmuxHarness.ChildProcess
        let url: String
        let stdout: URL
        let stderr: URL

        /// - Parameter launcher: a command that runs `listen` (its arguments follow), like a shell
        ///   that lowers a limit first.
        static func start(_ arguments: [String], fixture: EmulatorFixture, launcher: [String] = []) async throws
            -> Listener
        {
            let stdout = fixture.home.appendingPathComponent("listen-\(UUID().uuidString).out")
            let stderr = fixture.home.appendingPathComponent("listen-\(UUID().uuidString).err")
            var environment = fixture.environment()
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            let child = try TmuxHarness.ChildProcess.spawn(
                launcher + [PolarHooksBinary.url.path, "listen", "--port", "0"] + arguments, environment: environment,
                stdout: stdout.path, stderr: stderr.path)
            // With --json the banner is on stderr: the URL first, "Press Ctrl-C to stop." last.
            let prefix = "Listening for webhooks on "
            let url = try await TmuxHarness.poll { () -> String? in
                let text = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
                if !child.isRunning { throw TmuxHarness.HarnessError("listen exited early: \(text)") }
                guard text.contains("Press Ctrl-C to stop.") else { return nil }
                return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map {
                    String($0.dropFirst(prefix.count))
                }
            }
            guard let url else {
                child.stop()
                throw TmuxHarness.HarnessError("listen never said where it listens")
            }
            return Listener(child: child, url: url, stdout: stdout, stderr: stderr)
        }

        /// The JSON lines printed so far, once there are at least `count`.
        func records(count: Int) async throws -> [[String: Any]] {
            let found = try await TmuxHarness.poll { () -> [[String: Any]]? in
                let text = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
                let lines = text.split(separator: "\n").compactMap {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }
                return lines.count >= count ? lines : nil
            }
            return try #require(found, "listen printed fewer than \(count) webhooks")
        }

        /// Ctrl-C (or `signal`), then its exit status and what it said on stderr; a listener
        /// that does not stop within the harness's timeout is killed and the test fails.
        func interrupt(with signal: Int32 = SIGINT) async throws -> (status: Int32, stderr: String) {
            kill(child.pid, signal)
            let stopped = try await TmuxHarness.poll { () -> Bool? in child.isRunning ? nil : true }
            if stopped == nil {
                child.stop()
                throw TmuxHarness.HarnessError("listen did not stop after Ctrl-C")
            }
            return (child.wait(), (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
        }
    }

    @Test func verifiesTheEmulatorsDeliveryAndPolarRecordsTheAnswer() async throws {
        try await EmulatorFixture.with(EmulatorOptions(port: 0, allowInsecureURLs: true)) { fixture in
            // The endpoint exists before the listener (which needs its secret) knows its port.
            let endpoint = try await fixture.withClient { client in
                try await client.createEndpoint(
                    WebhookEndpointCreate(url: "http://127.0.0.1:9/later", format: .raw, events: ["order.paid"]))
            }
            let saved = fixture.home.appendingPathComponent("saved")
            let listener = try await Listener.start(
                ["--endpoint", endpoint.id, "--json", "--save", saved.path], fixture: fixture)
            defer { listener.child.stop() }
            let banner = try String(contentsOf: listener.stderr, encoding: .utf8)
            #expect(banner.contains("Verifying signatures with the secret of endpoint \(endpoint.id)."))
            #expect(banner.contains("sends its webhooks to http://127.0.0.1:9/later, not here"))
            #expect(banner.contains("--url \(listener.url) --allow-insecure-url"))
            #expect(!banner.contains(endpoint.secret))

            _ = try await fixture.withClient { client in
                try await client.updateEndpoint(id: endpoint.id, WebhookEndpointUpdate(url: listener.url))
            }
            try await triggerEvents("order.paid", emulatorAt: fixture.baseURL)
            let record = try #require(try await listener.records(count: 1).first)
            #expect(record["type"] as? String == "order.paid")
            #expect(record["verified"] as? Bool == true)
            #expect(record["signing"] as? String == "standard")
            #expect(record["answered_status"] as? Int == 200)
            #expect((record["body"] as? String)?.hasPrefix(#"{"type":"order.paid""#) == true)

            // Polar's side: one successful delivery of that event, with the listener's answer.
            try await fixture.waitUntil("the delivery is recorded") {
                try await !fixture.deliveries(DeliveryFilter(endpointIds: [endpoint.id])).isEmpty
            }
            let delivery = try #require(try await fixture.deliveries(DeliveryFilter(endpointIds: [endpoint.id])).first)
            #expect(delivery.succeeded)
            #expect(delivery.httpCode == 200)
            #expect(delivery.webhookEvent.id == record["webhook_id"] as? String)

            let (status, said) = try await listener.interrupt()
            #expect(status == 130)
            #expect(said.contains("Stopped. 1 webhook, 1 verified."))

            // Saved whole, privately, and it verifies again offline.
            let names = try FileManager.default.contentsOfDirectory(atPath: saved.path)
            #expect(names.count == 1)
            let name = try #require(names.first)
            #expect(name.hasSuffix("Z-0001-order.paid.http"))
            let file = saved.appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let folder = try FileManager.default.attributesOfItem(atPath: saved.path)
            #expect((folder[.posixPermissions] as? Int) == 0o700)
            let verified = try await fixture.run(["verify", "--request", file.path, "--endpoint", endpoint.id])
            #expect(verified.status == 0, "\(verified)")
            #expect(verified.stdout.contains("The signature verifies with the secret of endpoint"))
        }
    }

    @Test func aWebhookSignedWithAnotherSecretIsRefusedAndPolarRecordsTheRefusal() async throws {
        // Retries far apart, so exactly one attempt reaches the listener during the test.
        let options = EmulatorOptions(port: 0, allowInsecureURLs: true, retryDelayScale: 1000)
        try await EmulatorFixture.with(options) { fixture in
            let endpoint = try await fixture.withClient { client in
                try await client.createEndpoint(
                    WebhookEndpointCreate(url: "http://127.0.0.1:9/later", format: .raw, events: ["refund.created"]))
            }
            // The listener checks a secret that is not the endpoint's.
            let other = "whsec_" + Data(repeating: 1, count: 32).base64EncodedString()
            let saved = fixture.home.appendingPathComponent("refused")
            let listener = try await Listener.start(
                ["--json", "--secret", other, "--save", saved.path], fixture: fixture)
            defer { listener.child.stop() }
            _ = try await fixture.withClient { client in
                try await client.updateEndpoint(id: endpoint.id, WebhookEndpointUpdate(url: listener.url))
            }
            try await triggerEvents("refund.created", emulatorAt: fixture.baseURL)
            let record = try #require(try await listener.records(count: 1).first)
            #expect(record["verified"] as? Bool == false)
            #expect((record["verification_error"] as? String)?.contains("No signature") == true)
            #expect(record["answered_status"] as? Int == 401)
            try await fixture.waitUntil("the failed delivery is recorded") {
                try await !fixture.deliveries(DeliveryFilter(endpointIds: [endpoint.id])).isEmpty
            }
            let delivery = try #require(try await fixture.deliveries(DeliveryFilter(endpointIds: [endpoint.id])).first)
            #expect(!delivery.succeeded)
            #expect(delivery.httpCode == 401)
            #expect(delivery.response?.contains("verification failed") == true)
            let (_, said) = try await listener.interrupt()
            #expect(said.contains("warning: --secret is visible to other users"))
            #expect(said.contains("1 refused"))
            // With a secret, --save keeps only what verifies.
            #expect(try FileManager.default.contentsOfDirectory(atPath: saved.path).isEmpty)
        }
    }

    /// POSTs `body` with `headers` to `url`; the status and the answer's text.
    static func post(_ url: String, headers: [String: String], body: Data) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func aRedeliveryIsForwardedAgainAndAReplayIsAnsweredButNotForwarded() async throws {
        try await EmulatorFixture.with(EmulatorOptions(port: 0, allowInsecureURLs: true)) { fixture in
            // The user's own server, played by an unverifying listener in this process.
            let server = try WebhookListener(options: ListenerOptions(port: 0))
            let serverURL = try await server.start()
            let endpoint = try await fixture.withClient { client in
                try await client.createEndpoint(
                    WebhookEndpointCreate(url: "http://127.0.0.1:9/later", format: .raw, events: ["order.paid"]))
            }
            let listener = try await Listener.start(
                ["--endpoint", endpoint.id, "--json", "--forward-to", serverURL, "--forward-header", "X-Trace"],
                fixture: fixture)
            defer { listener.child.stop() }
            _ = try await fixture.withClient { client in
                try await client.updateEndpoint(id: endpoint.id, WebhookEndpointUpdate(url: listener.url))
            }
            try await triggerEvents("order.paid", emulatorAt: fixture.baseURL)
            let first = try #require(try await listener.records(count: 1).first)
            #expect(first["duplicate"] as? Bool == false)
            #expect(first["redelivery"] as? Bool == false)
            #expect(first["forwarded_status"] as? Int == 200)

            // Polar signs each attempt at its own second: redeliver once the clock has moved on.
            let firstStamp = try #require(Int(first["timestamp"] as? String ?? ""))
            try await fixture.waitUntil("the clock passes the first attempt's second") {
                Int(Date().timeIntervalSince1970) > firstStamp
            }
            let eventID = try #require(first["webhook_id"] as? String)
            try await fixture.withClient { client in try await client.redeliver(eventId: eventID) }
            let second = try await listener.records(count: 2)[1]
            #expect(second["webhook_id"] as? String == eventID)
            #expect(second["redelivery"] as? Bool == true)
            #expect(second["duplicate"] as? Bool == false)
            #expect(second["forwarded_status"] as? Int == 200)

            // That very request again, as a replayer would send it: acknowledged, not forwarded.
            let replayHeaders = [
                "webhook-id": eventID, "webhook-timestamp": try #require(second["timestamp"] as? String),
                "webhook-signature": try #require(second["webhook_signature"] as? String),
                "content-type": "application/json",
            ]
            let replayBody = Data(try #require(second["body"] as? String).utf8)
            let (replayStatus, replayAnswer) = try await Self.post(
                listener.url, headers: replayHeaders, body: replayBody)
            #expect(replayStatus == 200)
            #expect(replayAnswer.contains("already received"))
            let third = try await listener.records(count: 3)[2]
            #expect(third["duplicate"] as? Bool == true)
            #expect(third["forwarded_status"] is NSNull)
            #expect(third["answered_status"] as? Int == 200)

            // A webhook signed by hand, with a header asked for and one nobody asked for.
            let body = Array(#"{"type":"order.paid","data":{}}"#.utf8)
            let signer = try WebhookSigner(secret: endpoint.secret, scheme: .standard)
            var signed = ["content-type": "application/json", "X-Trace": "t-1", "Authorization": "Bearer stolen"]
            for header in signer.headers(id: "evt_by_hand", timestamp: Int(Date().timeIntervalSince1970), body: body) {
                signed[header.name] = header.value
            }
            #expect(try await Self.post(listener.url, headers: signed, body: Data(body)).0 == 200)
            _ = try await listener.records(count: 4)

            let (status, said) = try await listener.interrupt()
            #expect(status == 130)
            #expect(said.contains("Stopped. 4 webhooks, 4 verified, 1 duplicate."), "\(said)")
            await server.stop()
            var arrived: [ReceivedWebhook] = []
            for await webhook in server.webhooks { arrived.append(webhook) }
            // The first delivery, the redelivery and the one signed by hand; never the replay.
            #expect(arrived.map(\.webhookID) == [eventID, eventID, "evt_by_hand"])
            let byHand = try #require(arrived.last).headers.map { $0.name.lowercased() }
            #expect(byHand.contains("x-trace"))
            #expect(!byHand.contains("authorization"))
        }
    }

    @Test func ctrlCStopsListenCleanlyWithStatus130() async throws {
        try await EmulatorFixture.with { fixture in
            let listener = try await Listener.start(["--json"], fixture: fixture)
            defer { listener.child.stop() }
            let (status, said) = try await listener.interrupt(with: SIGINT)
            // 128 + SIGINT, as a shell expects of a program ended by Ctrl-C, after the summary.
            #expect(status == 130, "\(said)")
            #expect(said.contains("Stopped. No webhooks arrived."), "\(said)")
        }
    }

    @Test func sigtermStopsListenCleanlyWithStatus143() async throws {
        try await EmulatorFixture.with { fixture in
            let listener = try await Listener.start(["--json"], fixture: fixture)
            defer { listener.child.stop() }
            let (status, said) = try await listener.interrupt(with: SIGTERM)
            #expect(status == 143, "\(said)")
            #expect(said.contains("Stopped. No webhooks arrived."), "\(said)")
        }
    }

    @Test func theLimitsOnEachClientCanBeSetOnTheCommandLine() async throws {
        try await EmulatorFixture.with { fixture in
            let listener = try await Listener.start(
                ["--json", "--header-timeout", "0.3", "--max-body-size", "1K"], fixture: fixture)
            defer { listener.child.stop() }
            let (status, answer) = try await Self.post(
                listener.url, headers: ["content-type": "application/json"], body: Data(repeating: 0x20, count: 2000))
            #expect(status == 413)
            #expect(answer.contains("the limit is 1 KiB"))
            let port = try #require(URLComponents(string: listener.url)?.port)
            #expect(try await LoopbackSocket.closesWhenSilent(port: port, within: .seconds(10)))
        }
    }

    @Test func saysSoWhenTheDescriptorLimitKeepsFewerConnectionsThanAskedFor() async throws {
        try await EmulatorFixture.with { fixture in
            // 300 descriptors, 128 of them kept for everything else: 172 connections fit.
            let listener = try await Listener.start(
                ["--json", "--max-connections", "1000"], fixture: fixture,
                launcher: ["/bin/sh", "-c", #"ulimit -n 300 && exec "$@""#, "sh"])
            defer { listener.child.stop() }
            let said = try String(contentsOf: listener.stderr, encoding: .utf8)
            #expect(said.contains("warning: at most 172 connections at once, not 1000"), "\(said)")
        }
    }

    @Test func saysNothingOfTheDescriptorLimitWhenTheConnectionsFit() async throws {
        try await EmulatorFixture.with { fixture in
            let listener = try await Listener.start(
                ["--json", "--max-connections", "100"], fixture: fixture,
                launcher: ["/bin/sh", "-c", #"ulimit -n 300 && exec "$@""#, "sh"])
            defer { listener.child.stop() }
            let said = try String(contentsOf: listener.stderr, encoding: .utf8)
            #expect(!said.contains("connections at once"), "\(said)")
        }
    }

    @Test(arguments: [
        (["--path", "webhooks"], "--path must start with /"),
        (["--forward-header", "X-Trace"], "--forward-header needs --forward-to"),
        (["--forward-to", "http://127.0.0.1:3000/", "--forward-header", "Host"], "never forwarded"),
        (["--max-body-size", "12Q"], "--max-body-size must be a number of bytes"),
        (["--header-timeout", "0"], "--header-timeout must be more than 0"),
        (["--max-connections", "0"], "--max-connections must be at least 1"),
        (["--forward-to", "localhost:3000"], "error: the forward URL must be an http:// or https:// URL"),
        (["--endpoint", "nope"], "endpoint ID"),
        (["--endpoint", "1dbfc517-0bbf-4301-9ba8-555ca42b9737", "--secret", "x"], "either --endpoint or --secret"),
    ])
    func badInputIsRefusedBeforeListening(arguments: [String], message: String) async throws {
        try await EmulatorFixture.with { fixture in
            let result = try await fixture.run(["listen", "--port", "0"] + arguments)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(message), "\(result)")
            #expect(!result.stdout.contains("Listening"))
        }
    }
}

/// A TCP connection on loopback that sends nothing, read without blocking a thread.
enum LoopbackSocket {
    /// Whether the server at `port` closes a connection that sends nothing within `limit`.
    static func closesWhenSilent(port: Int, within limit: Duration) async throws -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError("no socket: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw FixtureError("cannot connect: errno \(errno)") }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            var byte: UInt8 = 0
            let count = recv(descriptor, &byte, 1, 0)
            if count == 0 { return true }
            if count < 0, errno != EAGAIN, errno != EWOULDBLOCK { return true }
            // Nothing yet: look again shortly; the deadline decides.
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}

import Foundation
import PolarAPI
import PolarEmulator
import Testing

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

        static func start(_ arguments: [String], fixture: EmulatorFixture) async throws -> Listener {
            let stdout = fixture.home.appendingPathComponent("listen-\(UUID().uuidString).out")
            let stderr = fixture.home.appendingPathComponent("listen-\(UUID().uuidString).err")
            var environment = fixture.environment()
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            let child = try TmuxHarness.ChildProcess.spawn(
                [PolarHooksBinary.url.path, "listen", "--port", "0"] + arguments, environment: environment,
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

        /// Ctrl-C, then its exit status and what it said on stderr; a listener that does not
        /// stop within the harness's timeout is killed and the test fails.
        func interrupt() async throws -> (status: Int32, stderr: String) {
            kill(child.pid, SIGINT)
            let stopped = try await TmuxHarness.poll { () -> Bool? in child.isRunning ? nil : true }
            if stopped == nil {
                child.stop()
                throw TmuxHarness.HarnessError("listen did not stop after Ctrl-C")
            }
            return (child.wait(), (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
        }
    }

    static func trigger(_ type: String, on fixture: EmulatorFixture) async throws {
        let url = try #require(URL(string: fixture.baseURL + "/_emulator/trigger"))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"type":"\#(type)"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
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
            try await Self.trigger("order.paid", on: fixture)
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
            #expect(status == 0)
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
            try await Self.trigger("refund.created", on: fixture)
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

    @Test(arguments: [
        (["--path", "webhooks"], "--path must start with /"),
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

import Foundation
import PolarAPI
import Testing

@testable import PolarEmulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct OperationsTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "emulator-\(UUID().uuidString).json"
        ).path
    }

    @Test func stateFileRoundTrips() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var created: WebhookEndpoint? = nil
        try await withEmulator(EmulatorOptions(sampleData: false, statePath: path)) { emulator in
            created = try await emulator.create(
                #"{"url":"https://example.com/kept","format":"raw","events":["order.paid"]}"#
            ).decode(WebhookEndpoint.self)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try await withEmulator(EmulatorOptions(statePath: path)) { emulator in
            let list = try await emulator.endpoints()
            #expect(list.items == [try #require(created)])
        }
    }

    @Test func corruptStateFileIsRefusedAndLeftAlone() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let garbage = Data("{\"endpoints\": [1, 2".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try PolarEmulator(options: EmulatorOptions(statePath: path))
        } throws: { error in
            guard let error = error as? EmulatorError, case .corruptStateFile(let named, _) = error else {
                return false
            }
            return named == path && error.description.contains(path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        try await withEmulator(EmulatorOptions(rateLimitPerMinute: 2)) { emulator in
            #expect(try await emulator.send("GET", "/v1/webhooks/endpoints").status == 200)
            #expect(try await emulator.send("GET", "/v1/webhooks/endpoints").status == 200)
            let limited = try await emulator.send("GET", "/v1/webhooks/endpoints")
            #expect(limited.status == 429 && limited.body.isEmpty)
            let wait = try #require(limited.headers["retry-after"].flatMap { Int($0) })
            #expect((1...60).contains(wait))
            // Limits are per token.
            #expect(
                try await emulator.send("GET", "/v1/webhooks/endpoints", token: EmulatorTokens.user).status
                    == 200)
        }
    }

    @Test func faultsAreOneOfTheFourKinds() async throws {
        try await withEmulator(EmulatorOptions(faultRate: 1, slowFaultMilliseconds: 1)) {
            (emulator: EmulatorHarness) async throws in
            var seen: Set<String> = []
            for _ in 0..<40 {
                do {
                    let response = try await emulator.send("GET", "/v1/webhooks/endpoints")
                    switch response.status {
                    case 500:
                        #expect(response.text == "Internal Server Error")
                        seen.insert("500")
                    case 503: seen.insert("503")
                    case 200: seen.insert("slow")
                    default: Issue.record("Unexpected status \(response.status)")
                    }
                } catch {
                    seen.insert("dropped")
                }
            }
            #expect(seen.count >= 3)
            // Admin routes never fail.
            let health = try await emulator.send("GET", "/_emulator/health", token: nil)
            #expect(health.status == 200)
        }
    }

    @Test func healthCountsRequestsAndFaults() async throws {
        let options = EmulatorOptions(rateLimitPerMinute: 3, faultRate: 1, slowFaultMilliseconds: 1)
        try await withEmulator(options) { emulator in
            for _ in 0..<5 { _ = try? await emulator.send("GET", "/v1/webhooks/endpoints") }
            // Admin routes are not counted.
            _ = try await emulator.send("GET", "/_emulator/health", token: nil)
            let health = try #require(
                try await emulator.send("GET", "/_emulator/health", token: nil).json() as? [String: Any])
            // The client may send a request again after a dropped connection, so "at least".
            let requests = try #require(health["requests"] as? Int)
            #expect(requests >= 5)
            // Faults stand for the network in front of Polar: every request meets one there,
            // before the rate limit (a slow answer then goes on through it).
            let faults = try #require(health["faults"] as? [String: Int])
            #expect(
                Set(faults.keys) == ["internal_error", "unavailable", "dropped_connection", "slow"])
            #expect(faults.values.reduce(0, +) == requests)
            #expect(health["rate_limited"] as? Int ?? -1 <= faults["slow"] ?? 0)
        }
    }

    @Test func healthCountsRateLimitedRequests() async throws {
        try await withEmulator(EmulatorOptions(rateLimitPerMinute: 3)) { emulator in
            for _ in 0..<5 { _ = try await emulator.send("GET", "/v1/webhooks/endpoints") }
            let health = try #require(
                try await emulator.send("GET", "/_emulator/health", token: nil).json() as? [String: Any])
            #expect(health["requests"] as? Int == 5)
            #expect(health["rate_limited"] as? Int == 2)
        }
    }

    @Test func resetRestoresTheSampleData() async throws {
        try await withEmulator { emulator in
            let before = try await emulator.endpoints("?limit=100")
            _ = try await emulator.create(#"{"url":"https://example.com/","format":"raw","events":[]}"#)
            #expect(
                try await emulator.endpoints().pagination.totalCount == before.pagination.totalCount + 1)
            #expect(try await emulator.send("POST", "/_emulator/reset", token: nil).status == 200)
            let after = try await emulator.endpoints("?limit=100")
            #expect(after.items.map(\.id) == before.items.map(\.id))
        }
    }

    @Test func invalidOptionsAreRefused() {
        #expect(throws: EmulatorError.self) {
            _ = try PolarEmulator(options: EmulatorOptions(faultRate: 2))
        }
        #expect(throws: EmulatorError.self) {
            _ = try PolarEmulator(options: EmulatorOptions(port: 70_000))
        }
    }
}

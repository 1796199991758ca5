import Foundation
import PolarAPI
import Testing

@testable import PolarEmulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct TrafficTests {
    @Test func planIsSeededAndBounded() {
        let types: [WebhookEventType] = ["order.paid", "refund.created", "customer.created"]
        var first = TrafficPlan(perMinute: 20, seed: 42)
        var second = TrafficPlan(perMinute: 20, seed: 42)
        for _ in 0..<200 {
            let delay = first.nextDelay()
            #expect(delay == second.nextDelay())
            // A mean of 3 s, each gap between 1.5 s and 4.5 s.
            #expect(delay >= .milliseconds(1500) && delay <= .milliseconds(4500))
            let type = first.nextType(from: types)
            #expect(type == second.nextType(from: types))
            #expect(type.map(types.contains) == true)
        }
        var other = TrafficPlan(perMinute: 20, seed: 43)
        var plan = TrafficPlan(perMinute: 20, seed: 42)
        #expect((0..<20).map { _ in other.nextDelay() } != (0..<20).map { _ in plan.nextDelay() })
        #expect(plan.nextType(from: []) == nil)
    }

    @Test func generatorSendsSubscribedTypesThroughTheWorker() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withEmulator(
            EmulatorOptions(
                sampleData: false, allowInsecureURLs: true, trafficPerMinute: 1200, trafficSeed: 7)
        ) { emulator in
            let live = try await emulator.create(
                #"{"url":"\#(receiver.url)","format":"raw","events":["order.paid","customer.created"]}"#
            ).decode(WebhookEndpoint.self)
            let off = try await emulator.create(
                #"{"url":"\#(receiver.url)","format":"raw","events":["refund.created"]}"#
            ).decode(WebhookEndpoint.self)
            _ = try await emulator.send("PATCH", "/v1/webhooks/endpoints/\(off.id)", body: #"{"enabled":false}"#)
            // At 20 events a second, some may reach `off` before it is disabled; none after.
            let since = Date().addingTimeInterval(0.05)
            // Polar records a delivery once the receiver has answered: wait for the records.
            try await emulator.waitUntil("a few made-up events are delivered and recorded") {
                let recorded = (try? await emulator.allDeliveries()) ?? []
                return recorded.filter { $0.webhookEvent.createdAt > since }.count >= 4
            }
            let deliveries = try await emulator.allDeliveries()
            let offIDs = Set(try await emulator.allDeliveries("&endpoint_id=\(off.id)").map(\.id))
            let later = deliveries.filter { $0.webhookEvent.createdAt > since }
            #expect(Set(later.map(\.webhookEvent.type)).isSubset(of: Set(live.events)))
            #expect(later.allSatisfy { !offIDs.contains($0.id) })
            #expect(Set(deliveries.map(\.webhookEvent.type)).isSubset(of: Set(live.events + off.events)))
        }
        await receiver.stop()
    }

    @Test func trafficOutsideItsRangeIsRefused() {
        #expect(throws: EmulatorError.self) {
            _ = try PolarEmulator(options: EmulatorOptions(trafficPerMinute: -1))
        }
        #expect(throws: EmulatorError.self) {
            _ = try PolarEmulator(options: EmulatorOptions(trafficPerMinute: 10_000))
        }
    }
}

@Suite struct DemoTests {
    @Test func flakyReceiverFailsAboutFortyPercent() {
        let behaviour = DemoBehaviour(seed: 1)
        let answers = (0..<2000).map { _ in behaviour.answer(for: "flaky") }
        let failures = answers.filter { $0 == .status(500, body: "") || (500...599).contains(code($0)) }.count
        let stalls = answers.filter { $0 == .stall }.count
        #expect((700...900).contains(failures), "\(failures) failures")
        #expect((50...150).contains(stalls), "\(stalls) stalls")
        #expect(behaviour.answer(for: "ok") == .status(200, body: #"{"received":true}"#))
        #expect(behaviour.answer(for: "discord") == .status(204, body: ""))
        #expect(code(behaviour.answer(for: "nothing")) == 404)
        #expect(behaviour.answered["flaky"] == 2000)
        // Seeded: the same choices again.
        let again = DemoBehaviour(seed: 1)
        #expect((0..<2000).map { _ in again.answer(for: "flaky") } == answers)
    }

    private func code(_ answer: DemoBehaviour.Answer) -> Int {
        if case .status(let code, _) = answer { return code }
        return 0
    }

    @Test func redirectedDeliveriesReachTheLocalReceiverAndKeepTheirURL() async throws {
        let receivers = try await DemoReceivers.start(seed: 3)
        try await withEmulator(
            EmulatorOptions(
                sampleData: false, retryDelayScale: 0,
                deliveryRedirects: ["hooks.shop.example": "\(receivers.baseURL)/ok"])
        ) { emulator in
            let routed = try await emulator.create(
                #"{"url":"https://hooks.shop.example/polar","format":"raw","events":["order.paid"]}"#
            ).decode(WebhookEndpoint.self)
            let external = try await emulator.create(
                #"{"url":"https://elsewhere.example/polar","format":"raw","events":["order.paid"]}"#
            ).decode(WebhookEndpoint.self)
            _ = try await emulator.send("POST", "/_emulator/trigger", token: nil, body: #"{"type":"order.paid"}"#)
            try await emulator.waitUntil("every attempt is recorded") {
                guard emulator.emulator.activeDeliveries == 0 else { return false }
                return try await emulator.deliveries("?endpoint_id=\(routed.id)").pagination.totalCount == 1
            }
            let routedRow = try #require(try await emulator.allDeliveries("&endpoint_id=\(routed.id)").first)
            #expect(routedRow.httpCode == 200 && routedRow.response == #"{"received":true}"#)
            #expect(receivers.answered["ok"] == 1)
            let endpoint = try await emulator.send("GET", "/v1/webhooks/endpoints/\(routed.id)").decode(
                WebhookEndpoint.self)
            #expect(endpoint.url == "https://hooks.shop.example/polar")
            // Hosts without a redirect still never see a packet.
            let externalRow = try #require(try await emulator.allDeliveries("&endpoint_id=\(external.id)").first)
            #expect(externalRow.httpCode == nil && externalRow.response == DeliveryResult.externalDeliveryOff.response)
        }
        await receivers.stop()
    }

    @Test func redirectsMustStayOnThisMachine() {
        #expect(throws: EmulatorError.self) {
            _ = try PolarEmulator(
                options: EmulatorOptions(deliveryRedirects: ["hooks.shop.example": "https://attacker.example/"]))
        }
    }

    @Test func demoTrafficReachesOnlyTheInProcessReceivers() async throws {
        let demo = try await DemoEmulator.start(traffic: true, seed: 11, rate: 1200)
        let harness = try await EmulatorHarness.attach(demo.emulator, baseURL: demo.baseURL)
        try await harness.waitUntil("a few made-up events are answered") {
            demo.receivers.answered.values.reduce(0, +) >= 5
        }
        // Every delivery since the start went to a receiver in the process, none was refused as external.
        let started = demo.emulator.startedAt
        let recent = try await harness.allDeliveries().filter { $0.createdAt > started }
        #expect(!recent.isEmpty)
        #expect(!recent.contains { $0.response == DeliveryResult.externalDeliveryOff.response })
        await demo.stop()
    }
}

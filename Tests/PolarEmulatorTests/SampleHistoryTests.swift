import Foundation
import PolarAPI
import Testing

@testable import PolarEmulator

/// The sample data's histories, read the way issue 9's health definition reads them (a local
/// stand-in until PolarAPI has the real one).
@Suite struct SampleHistoryTests {
    private let snapshot = SampleData.build(
        now: Date(timeIntervalSince1970: 1_800_000_000), sample: true, seedEndpoints: 0)

    private func endpoint(named name: String) throws -> WebhookEndpoint {
        try #require(snapshot.endpoints.map(\.endpoint).first { $0.name == name })
    }

    private func events(of endpoint: WebhookEndpoint) -> [WebhookEvent] {
        snapshot.events.filter { $0.endpointId == endpoint.id }.map(\.event).sorted { $0.createdAt > $1.createdAt }
    }

    private func deliveries(of event: WebhookEvent) -> [DeliveryRecord] {
        snapshot.deliveries.filter { $0.eventId == event.id }.sorted { $0.createdAt < $1.createdAt }
    }

    /// The newest completed events that failed, counted back to the newest success.
    private func consecutiveFailedEvents(_ endpoint: WebhookEndpoint) -> Int {
        events(of: endpoint).filter { $0.succeeded != nil }.prefix { $0.succeeded == false }.count
    }

    @Test func inventorySyncIsFailingSixOfTen() throws {
        let inventory = try endpoint(named: "Inventory sync")
        #expect(inventory.enabled)
        #expect(consecutiveFailedEvents(inventory) == 6)
        let all = events(of: inventory)
        #expect(all.contains { $0.succeeded == true })
        #expect(all.allSatisfy { $0.succeeded != nil && !$0.skipped })
        for event in all.prefix(6) { #expect(deliveries(of: event).count == EmulatorStore.maxAttempts) }
        let newestAttempt = try #require(
            snapshot.deliveries.filter { $0.endpointId == inventory.id }.max { $0.createdAt < $1.createdAt })
        #expect(!newestAttempt.succeeded)
    }

    @Test func analyticsPipelineWasDisabledByPolar() throws {
        let analytics = try endpoint(named: "Analytics pipeline")
        #expect(!analytics.enabled)
        let completed = events(of: analytics).filter { $0.succeeded != nil }
        #expect(completed.prefix(EmulatorStore.failureThreshold).allSatisfy { $0.succeeded == false })
        #expect(consecutiveFailedEvents(analytics) >= EmulatorStore.failureThreshold)
        for event in completed.prefix(EmulatorStore.failureThreshold) {
            let attempts = deliveries(of: event)
            #expect(attempts.count == EmulatorStore.maxAttempts)
            #expect(event.lastHttpCode == 404 || event.lastHttpCode == nil)
            // Polar's backoff: after the n-th failure, between 2^n and 2^(n+1) seconds.
            for n in 1..<attempts.count {
                let gap = attempts[n].createdAt.timeIntervalSince(attempts[n - 1].createdAt)
                #expect(gap >= pow(2, Double(n)) && gap <= pow(2, Double(n + 1)))
            }
        }
        // Disabled when the 10th failed for good; what was pending then was marked skipped.
        let lastFailure = try #require(
            completed.first.flatMap { deliveries(of: $0).last }?.createdAt)
        #expect(analytics.modifiedAt == lastFailure)
        let pending = events(of: analytics).filter { $0.succeeded == nil }
        #expect(pending.count == 2 && pending.allSatisfy(\.skipped))
        #expect(pending.allSatisfy { $0.createdAt < lastFailure })
        #expect(snapshot.deliveries.filter { $0.endpointId == analytics.id }.allSatisfy { $0.createdAt <= lastFailure })
    }

    /// What the sample data showed before the health histories, still there.
    @Test func everyEarlierStateIsStillShown() throws {
        let staging = try endpoint(named: "Old staging hook")
        #expect(!staging.enabled && consecutiveFailedEvents(staging) < EmulatorStore.failureThreshold)
        #expect(try endpoint(named: "Legacy CRM sync").usesStandardWebhookSignature == false)
        #expect(Set(snapshot.endpoints.map(\.endpoint.format)) == [.raw, .discord, .slack])
        let events = snapshot.events.map(\.event)
        #expect(events.contains { $0.isArchived && $0.payload == nil })
        #expect(events.contains { $0.succeeded == nil && !$0.skipped && $0.payload != nil })
        #expect(snapshot.deliveries.contains { $0.httpCode == nil && !$0.succeeded })
        #expect(Set(snapshot.deliveries.compactMap(\.httpCode).map { $0 / 100 }).isSuperset(of: [2, 3, 4, 5]))
        #expect(Set(snapshot.endpoints.map(\.endpoint.organizationId)) == Set(EmulatorOrganizations.all.map(\.id)))
        let ok = try endpoint(named: "Order fulfilment")
        #expect(self.events(of: ok).first { $0.succeeded != nil }?.succeeded == true)
    }
}

import Foundation
import PolarAPI
import Testing

@testable import polar_hooks

@Suite struct FailedEventsTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func event(
        _ id: String, at offset: TimeInterval, succeeded: Bool? = false, archived: Bool = false
    ) -> WebhookEvent {
        WebhookEvent(
            createdAt: start.addingTimeInterval(offset), modifiedAt: nil, id: id, lastHttpCode: nil,
            succeeded: succeeded, skipped: false, apiVersion: .v2026_04, payload: archived ? nil : "{}",
            type: "order.paid", isArchived: archived)
    }

    func delivery(_ id: String, of event: WebhookEvent, at offset: TimeInterval, succeeded: Bool)
        -> WebhookDelivery
    {
        WebhookDelivery(
            createdAt: start.addingTimeInterval(offset), modifiedAt: nil, id: id, succeeded: succeeded,
            httpCode: succeeded ? 200 : 500, response: nil, webhookEvent: event)
    }

    @Test func eachFailedEventOnceOldestFirst() {
        let first = event("e1", at: 0)
        let second = event("e2", at: 10)
        let deliveries = [
            delivery("d4", of: second, at: 40, succeeded: false),
            delivery("d3", of: first, at: 30, succeeded: false),
            delivery("d2", of: second, at: 20, succeeded: false),
            delivery("d1", of: first, at: 5, succeeded: false),
        ]
        #expect(FailedEvents.select(from: deliveries).events.map(\.id) == ["e1", "e2"])
    }

    @Test func aLaterSuccessMeansTheEventIsNotFailed() {
        let recovered = event("e1", at: 0, succeeded: nil)
        let deliveries = [
            delivery("d2", of: recovered, at: 20, succeeded: true),
            delivery("d1", of: recovered, at: 10, succeeded: false),
        ]
        #expect(FailedEvents.select(from: deliveries).events.isEmpty)
    }

    @Test func aFailureAfterASuccessCountsUnlessTheEventSucceeded() {
        let relapsed = event("e1", at: 0, succeeded: false)
        let deliveries = [
            delivery("d1", of: relapsed, at: 10, succeeded: true),
            delivery("d2", of: relapsed, at: 20, succeeded: false),
        ]
        #expect(FailedEvents.select(from: deliveries).events.map(\.id) == ["e1"])
        let markedSucceeded = event("e2", at: 0, succeeded: true)
        #expect(
            FailedEvents.select(from: [delivery("d3", of: markedSucceeded, at: 5, succeeded: false)])
                .events.isEmpty)
    }

    @Test func archivedEventsAreSetAside() {
        let archived = event("e1", at: 0, archived: true)
        let selection = FailedEvents.select(from: [
            delivery("d1", of: archived, at: 1, succeeded: false)
        ])
        #expect(selection.events.isEmpty)
        #expect(selection.archived.map(\.id) == ["e1"])
    }
}

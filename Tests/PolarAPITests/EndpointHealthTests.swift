import Foundation
import Testing

@testable import PolarAPI

/// The health definition on hand-made delivery histories.
@Suite struct EndpointHealthTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A history made of events, oldest first: each with its attempts (true: 2xx) and its final state.
    struct Script {
        var attempts: [DeliveryHistory.Attempt] = []
        var clock = EndpointHealthTests.now.addingTimeInterval(-3600)
        var number = 0

        /// One event: `attempts` in order, then `outcome` (nil: still pending).
        mutating func event(_ attempts: [Bool], outcome: Bool?, skipped: Bool = false, code: Int = 500) {
            number += 1
            let event = DeliveryHistory.Event(
                id: "event-\(number)", at: clock, type: "order.paid", succeeded: outcome, skipped: skipped)
            for (index, succeeded) in attempts.enumerated() {
                clock = clock.addingTimeInterval(10)
                self.attempts.append(
                    DeliveryHistory.Attempt(
                        id: "delivery-\(number)-\(index)", at: clock, succeeded: succeeded,
                        httpCode: succeeded ? 200 : code, firstLine: succeeded ? "ok" : "Bad Gateway\nmore",
                        event: event))
            }
            clock = clock.addingTimeInterval(60)
        }

        mutating func succeeded() { event([true], outcome: true) }
        mutating func failed(code: Int = 500) { event(Array(repeating: false, count: 10), outcome: false, code: code) }

        var history: DeliveryHistory {
            var history = DeliveryHistory()
            history.merge(deliveries)
            return history
        }

        /// The attempts as the API lists them; each carries its event as that attempt saw it.
        var deliveries: [WebhookDelivery] {
            attempts.map { attempt in
                WebhookDelivery(
                    createdAt: attempt.at, modifiedAt: nil, id: attempt.id, succeeded: attempt.succeeded,
                    httpCode: attempt.httpCode, response: attempt.firstLine,
                    webhookEvent: WebhookEvent(
                        createdAt: attempt.event.at, modifiedAt: nil, id: attempt.event.id, lastHttpCode: nil,
                        succeeded: attempt.event.succeeded, skipped: attempt.event.skipped, apiVersion: .v2026_04,
                        payload: "{}", type: attempt.event.type, isArchived: false))
            }
        }
    }

    static func endpoint(enabled: Bool = true) -> WebhookEndpoint {
        WebhookEndpoint(
            createdAt: now.addingTimeInterval(-86_400 * 30), modifiedAt: nil, id: "we_1", url: "https://example.com/",
            name: "Orders", apiVersion: .v2026_04, format: .raw, secret: "whsec_x", organizationId: "org",
            events: ["order.paid"], enabled: enabled, usesStandardWebhookSignature: true)
    }

    func health(_ script: Script, enabled: Bool = true) -> EndpointHealth {
        EndpointHealth(endpoint: Self.endpoint(enabled: enabled), history: script.history, now: Self.now)
    }

    @Test func noDeliveriesIsIdle() {
        let health = health(Script())
        #expect(health.state == .idle)
        #expect(health.label == "idle")
        #expect(health.strip.isEmpty)
    }

    @Test func theNewestSuccessIsOK() {
        var script = Script()
        script.failed()
        script.succeeded()
        let health = health(script)
        #expect(health.state == .ok)
        #expect(health.consecutiveFailures == 0)
        #expect(health.strip == [.succeeded, .failed])
        #expect(health.day == EndpointHealth.DayCounts(succeeded: 1, failed: 1, pending: 0))
    }

    @Test func failedEventsAreCountedBackToTheNewestSuccess() {
        var script = Script()
        script.failed()
        script.succeeded()
        for _ in 0..<3 { script.failed(code: 502) }
        let health = health(script)
        #expect(health.state == .failing)
        #expect(health.consecutiveFailures == 3)
        #expect(health.label == "failing 3/10")
        #expect(health.lastFailure?.httpCode == 502)
        #expect(health.lastFailure?.firstLine == "Bad Gateway")
        #expect(health.lastSuccessAt != nil)
    }

    @Test func pendingEventsAreNotCompletedButTheirFailuresShowAsRetrying() {
        var script = Script()
        script.succeeded()
        script.event([false, false], outcome: nil)
        script.event([], outcome: nil)
        let health = health(script)
        #expect(health.consecutiveFailures == 0)
        #expect(health.retrying == 1)
        // The newest attempt failed (a retry), so the endpoint is failing even with no completed failure.
        #expect(health.state == .failing)
        #expect(health.label == "failing 0/10 · 1 retrying")
        #expect(health.strip == [.retrying, .succeeded])
        #expect(health.day.pending == 1)
    }

    @Test func aSuccessWhilePolarRetriesAnOlderEventIsOKWithRetrying() {
        var script = Script()
        script.event([false], outcome: nil)
        script.succeeded()
        let health = health(script)
        #expect(health.state == .ok)
        #expect(health.label == "ok · 1 retrying")
    }

    @Test func skippedEventsAreCountedApart() {
        var script = Script()
        script.failed()
        script.event([], outcome: nil, skipped: true)
        script.failed()
        let health = health(script)
        #expect(health.consecutiveFailures == 2)
        #expect(health.strip == [.failed, .failed])
    }

    @Test func exactlyTenFailedEventsOnADisabledEndpointIsAutoDisabled() {
        var script = Script()
        script.succeeded()
        for _ in 0..<10 { script.failed() }
        #expect(health(script, enabled: false).state == .autoDisabled)
        #expect(health(script, enabled: false).label == "auto-disabled")
        // Still enabled (re-enabled, or Polar has not acted yet): failing at the threshold.
        #expect(health(script).label == "failing 10/10")
    }

    @Test func nineFailedEventsOnADisabledEndpointWereDisabledBySomeone() {
        var script = Script()
        for _ in 0..<9 { script.failed() }
        #expect(health(script, enabled: false).state == .disabled)
    }

    @Test func aRedeliveryThatSucceedsEndsTheRun() {
        var script = Script()
        for _ in 0..<4 { script.failed() }
        // The newest failed event is redelivered and succeeds: Polar marks it succeeded.
        let redelivered = script.attempts.last?.event
        script.clock = script.clock.addingTimeInterval(60)
        if var event = redelivered {
            event.succeeded = true
            script.attempts.append(
                DeliveryHistory.Attempt(
                    id: "redelivery", at: script.clock, succeeded: true, httpCode: 200, firstLine: "ok", event: event))
        }
        let health = health(script)
        #expect(health.consecutiveFailures == 0)
        #expect(health.state == .ok)
    }

    @Test func theStripShowsTheLastTenEventsNewestFirst() {
        var script = Script()
        for index in 0..<14 { index.isMultiple(of: 2) ? script.succeeded() : script.failed() }
        let health = health(script)
        #expect(health.strip.count == 10)
        #expect(health.strip.first == .failed)
    }

    @Test func theHoursOfTheLastDayCountAttempts() {
        var script = Script()
        script.failed()
        script.succeeded()
        let health = health(script)
        #expect(health.hours.count == 24)
        #expect(health.hours.map(\.failed).reduce(0, +) == 10)
        #expect(health.hours.map(\.succeeded).reduce(0, +) == 1)
        #expect(health.hours[23].failed + health.hours[22].failed == 10)
    }

    @Test func oldDeliveriesAloneMakeAnIdleEndpoint() {
        var script = Script()
        script.clock = Self.now.addingTimeInterval(-3 * 86_400)
        script.succeeded()
        #expect(health(script).state == .idle)
    }
}

@Suite struct DeliveryHistoryTests {
    @Test func mergingKeepsEachDeliveryOnceNewestFirstWithinCapacity() {
        var script = EndpointHealthTests.Script()
        for _ in 0..<60 { script.failed() }
        var history = DeliveryHistory()
        history.merge(Array(script.deliveries.prefix(300)))
        history.merge(Array(script.deliveries.suffix(400)))
        #expect(history.attempts.count == DeliveryHistory.capacity)
        #expect(Set(history.attempts.map(\.id)).count == history.attempts.count)
        #expect(history.attempts.first?.at == script.attempts.last?.at)
        #expect(history.newerThan == script.attempts.last.map { $0.at.addingTimeInterval(-1) })
    }

    @Test func aDeliveryFetchedAgainBringsItsEventsNewState() {
        var script = EndpointHealthTests.Script()
        script.event([false], outcome: nil)
        var history = DeliveryHistory(script.deliveries)
        #expect(history.events.first?.succeeded == nil)
        var later = script.deliveries
        later[0].webhookEvent.succeeded = false
        history.merge(later)
        #expect(history.events.first?.succeeded == false)
    }
}

@Suite struct RefreshBudgetTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func noMoreThanTheBudgetInAnyMinute() {
        var budget = RefreshBudget(perMinute: 20)
        for second in 0..<20 { budget.spend(at: now.addingTimeInterval(Double(second))) }
        #expect(budget.available(at: now.addingTimeInterval(30)) == 0)
        #expect(budget.nextAvailable(after: now.addingTimeInterval(30)) == now.addingTimeInterval(60))
        #expect(budget.available(at: now.addingTimeInterval(60.5)) == 1)
    }

    @Test func aRateLimitHalvesTheBudgetAndHonoursRetryAfter() {
        var budget = RefreshBudget(perMinute: 20)
        budget.rateLimited(retryAfter: 30, at: now)
        #expect(budget.perMinute == 10)
        #expect(budget.available(at: now.addingTimeInterval(29)) == 0)
        #expect(budget.available(at: now.addingTimeInterval(31)) == 10)
        budget.rateLimited(retryAfter: nil, at: now.addingTimeInterval(31))
        #expect(budget.perMinute == 5)
        budget.recover(at: now.addingTimeInterval(31 + 60 + 60))
        #expect(budget.perMinute == 10)
    }

    @Test func eachStepBackUpNeedsAQuietMinuteOfItsOwn() {
        var budget = RefreshBudget(perMinute: 20)
        budget.rateLimited(retryAfter: 1, at: now)
        budget.rateLimited(retryAfter: 1, at: now)
        #expect(budget.perMinute == 5)
        let firstStep = now.addingTimeInterval(1 + 60)
        budget.recover(at: firstStep)
        #expect(budget.perMinute == 10)
        budget.recover(at: firstStep.addingTimeInterval(1))
        #expect(budget.perMinute == 10)
        budget.recover(at: firstStep.addingTimeInterval(60))
        #expect(budget.perMinute == 20)
    }
}

@Suite struct HealthScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theSelectedThenNewThenUrgentThenTheLongestWaiting() {
        let candidates = [
            HealthSchedule.Candidate(endpointID: "old", refreshedAt: now.addingTimeInterval(-300), isUrgent: false),
            HealthSchedule.Candidate(endpointID: "older", refreshedAt: now.addingTimeInterval(-600), isUrgent: false),
            HealthSchedule.Candidate(endpointID: "failing", refreshedAt: now.addingTimeInterval(-100), isUrgent: true),
            HealthSchedule.Candidate(endpointID: "new", refreshedAt: nil, isUrgent: false),
            HealthSchedule.Candidate(endpointID: "selected", refreshedAt: now.addingTimeInterval(-60), isUrgent: false),
            HealthSchedule.Candidate(endpointID: "fresh", refreshedAt: now.addingTimeInterval(-5), isUrgent: true),
        ]
        let order = HealthSchedule.next(10, of: candidates, selected: "selected", interval: 15, now: now)
        #expect(order == ["selected", "new", "failing", "older", "old"])
        #expect(
            HealthSchedule.next(2, of: candidates, selected: "selected", interval: 15, now: now) == ["selected", "new"])
    }
}

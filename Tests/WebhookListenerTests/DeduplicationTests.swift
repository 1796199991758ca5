import Foundation
import Testing

@testable import WebhookListener

/// Repeats of a verified webhook: the same attempt again is answered 200 and handled once; a
/// new attempt of the same event (a redelivery) is handled again and marked.
@Suite struct DeduplicationTests {
    static let secret = WebhookListenerTests.secret

    func withForwardingPair(
        _ body: (_ target: RunningListener, _ listener: RunningListener) async throws -> Void
    ) async throws {
        try await RunningListener.with(ListenerOptions(port: 0, secret: Self.secret)) { target in
            try await RunningListener.with(ListenerOptions(port: 0, secret: Self.secret, forwardURL: target.url)) {
                listener in try await body(target, listener)
            }
        }
    }

    @Test func theSameAttemptTwiceIsAnswered200AndForwardedOnce() async throws {
        try await withForwardingPair { target, listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_dup")
            #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 200)
            let again = try await ListenerClient.post(listener.url, headers: headers, body: body)
            #expect(again.status == 200)
            #expect(again.body.contains("already received"))

            let first = try #require(await listener.next())
            #expect(first.recurrence == .first)
            guard case .answered(status: 200, _) = first.forwarding else {
                Issue.record("the first was not forwarded: \(first.forwarding)")
                return
            }
            let second = try #require(await listener.next())
            #expect(second.recurrence == .duplicate)
            #expect(second.forwarding == .skippedDuplicate)
            #expect(second.answeredStatus == 200)
            #expect(second.verification == .verified(.standard))

            // The target saw it once: what it sees next is another webhook.
            let (otherHeaders, otherBody) = try ListenerClient.signed(secret: Self.secret, id: "evt_other")
            #expect(try await ListenerClient.post(listener.url, headers: otherHeaders, body: otherBody).status == 200)
            #expect(await target.next()?.webhookID == "evt_dup")
            #expect(await target.next()?.webhookID == "evt_other")
        }
    }

    @Test func theSameEventSignedAtANewSecondIsARedeliveryAndForwarded() async throws {
        try await withForwardingPair { target, listener in
            let now = Int(Date().timeIntervalSince1970)
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_again", at: now - 30)
            #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 200)
            let redelivered = try ListenerClient.resigned(headers, body: body, secret: Self.secret, at: now)
            #expect(try await ListenerClient.post(listener.url, headers: redelivered, body: body).status == 200)

            #expect(await listener.next()?.recurrence == .first)
            let second = try #require(await listener.next())
            #expect(second.recurrence == .redelivery)
            guard case .answered(status: 200, _) = second.forwarding else {
                Issue.record("the redelivery was not forwarded: \(second.forwarding)")
                return
            }
            #expect(await target.next()?.timestamp == String(now - 30))
            #expect(await target.next()?.timestamp == String(now))
        }
    }

    @Test func aReplayCannotSlipPastWithASecondWebhookID() async throws {
        try await withForwardingPair { target, listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_twice")
            #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 200)
            // The first webhook-id is the one checked, remembered and forwarded, wherever
            // another is added.
            let after = headers + [("webhook-id", "evt_fresh")]
            #expect(try await ListenerClient.post(listener.url, headers: after, body: body).status == 200)
            let before = [("webhook-id", "evt_fresh")] + headers
            #expect(try await ListenerClient.post(listener.url, headers: before, body: body).status == 401)
            #expect(await listener.next()?.recurrence == .first)
            #expect(await listener.next()?.recurrence == .duplicate)
            #expect(await listener.next()?.forwarding == .withheld)
            let (otherHeaders, otherBody) = try ListenerClient.signed(secret: Self.secret, id: "evt_other")
            #expect(try await ListenerClient.post(listener.url, headers: otherHeaders, body: otherBody).status == 200)
            #expect(await target.next()?.webhookID == "evt_twice")
            #expect(await target.next()?.webhookID == "evt_other")
        }
    }

    @Test func aRefusedWebhookIsNotRememberedSoItCannotMaskTheRealOne() async throws {
        try await RunningListener.with(ListenerOptions(port: 0, secret: Self.secret)) { listener in
            let stranger = "whsec_" + Data(repeating: 9, count: 32).base64EncodedString()
            let now = Int(Date().timeIntervalSince1970)
            let (forged, forgedBody) = try ListenerClient.signed(secret: stranger, id: "evt_real", at: now)
            #expect(try await ListenerClient.post(listener.url, headers: forged, body: forgedBody).status == 401)
            let (real, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_real", at: now)
            #expect(try await ListenerClient.post(listener.url, headers: real, body: body).status == 200)
            #expect(await listener.next()?.recurrence == .first)
            let arrived = try #require(await listener.next())
            #expect(arrived.recurrence == .first)
            #expect(arrived.verification == .verified(.standard))
        }
    }

    @Test func withoutASecretNothingIsComparedAndRepeatsAreHandledAsUsual() async throws {
        try await RunningListener.with(ListenerOptions(port: 0)) { listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_unchecked")
            for _ in 0..<2 {
                #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 200)
            }
            #expect(await listener.next()?.recurrence == .first)
            #expect(await listener.next()?.recurrence == .first)
        }
    }

    @Test func anAttemptIsForgottenWhenItsTimestampLeavesTheWindow() {
        let seen = SeenWebhooks(window: 300, capacity: 100)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let stamp: Int64 = 1_800_000_000
        #expect(seen.record(id: "a", timestamp: stamp, now: start) == .first)
        #expect(seen.record(id: "a", timestamp: stamp, now: start) == .duplicate)
        #expect(seen.record(id: "a", timestamp: stamp + 60, now: start.addingTimeInterval(60)) == .redelivery)
        // 301 s on, the first attempt would fail the signature check and is forgotten; the
        // second (60 s younger) is still remembered.
        #expect(seen.record(id: "b", timestamp: stamp + 301, now: start.addingTimeInterval(301)) == .first)
        #expect(seen.count == 2)
        #expect(seen.record(id: "a", timestamp: stamp + 301, now: start.addingTimeInterval(301)) == .redelivery)
        // Once both have left the window, "a" is new again.
        #expect(seen.record(id: "a", timestamp: stamp + 400, now: start.addingTimeInterval(700)) == .first)
    }

    @Test func atCapacityTheOldestAttemptIsForgottenFirst() {
        let seen = SeenWebhooks(window: 300, capacity: 3)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for id in ["a", "b", "c", "d"] { #expect(seen.record(id: id, timestamp: 1_800_000_000, now: now) == .first) }
        #expect(seen.count == 3)
        #expect(seen.record(id: "d", timestamp: 1_800_000_000, now: now) == .duplicate)
        #expect(seen.record(id: "a", timestamp: 1_800_000_000, now: now) == .first)
    }

    @Test func manyAttemptsStayWithinTheCapacity() {
        let seen = SeenWebhooks(window: 300, capacity: 1000)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 0..<10_000 { _ = seen.record(id: "evt_\(index)", timestamp: 1_800_000_000, now: now) }
        #expect(seen.count == 1000)
        #expect(seen.record(id: "evt_9999", timestamp: 1_800_000_000, now: now) == .duplicate)
        #expect(seen.record(id: "evt_0", timestamp: 1_800_000_000, now: now) == .first)
    }
}

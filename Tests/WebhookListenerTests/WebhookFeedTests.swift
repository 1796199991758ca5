import Foundation
import Testing

@testable import WebhookListener

/// The feed between the listener's answers and its reader: bounded, in order, a batch of
/// everything waiting at a time, and ended by `finish()`.
@Suite struct WebhookFeedTests {
    static func webhook(_ sequence: Int) -> ReceivedWebhook {
        ReceivedWebhook(
            sequence: sequence, receivedAt: Date(), path: "/", webhookID: "evt_\(sequence)", timestamp: nil,
            signature: nil, apiVersion: nil, eventType: nil, body: [], verification: .notChecked,
            forwarding: .notForwarded, answeredStatus: 200)
    }

    @Test func whatWaitsIsTakenInOneBatchInOrder() async {
        let feed = WebhookFeed()
        for sequence in 1...5 { feed.report(Self.webhook(sequence)) }
        var batches = ReceivedWebhooks(feed: feed).batches.makeAsyncIterator()
        #expect(await batches.next()?.map(\.sequence) == [1, 2, 3, 4, 5])
        feed.report(Self.webhook(6))
        #expect(await batches.next()?.map(\.sequence) == [6])
        feed.finish()
        #expect(await batches.next() == nil)
    }

    @Test func oneAtATimeReadsTheSameOrderAndEndsAfterTheLast() async {
        let feed = WebhookFeed()
        let reader = Task {
            var sequences: [Int] = []
            for await webhook in ReceivedWebhooks(feed: feed) { sequences.append(webhook.sequence) }
            return sequences
        }
        for sequence in 1...300 {
            feed.report(Self.webhook(sequence))
            if sequence % 7 == 0 { await Task.yield() }
        }
        feed.finish()
        #expect(await reader.value == Array(1...300))
    }

    @Test func pastItsCapacityWebhooksAreCountedNotKept() async {
        let feed = WebhookFeed()
        for sequence in 1...(WebhookFeed.capacity + 10) { feed.report(Self.webhook(sequence)) }
        #expect(feed.droppedCount == 10)
        var batches = ReceivedWebhooks(feed: feed).batches.makeAsyncIterator()
        #expect(await batches.next()?.count == WebhookFeed.capacity)
        // Read: there is room again.
        feed.report(Self.webhook(0))
        #expect(await batches.next()?.count == 1)
        #expect(feed.droppedCount == 10)
    }

    @Test func nothingIsKeptAfterTheFeedEnds() async {
        let feed = WebhookFeed()
        feed.report(Self.webhook(1))
        feed.finish()
        feed.report(Self.webhook(2))
        var batches = ReceivedWebhooks(feed: feed).batches.makeAsyncIterator()
        #expect(await batches.next()?.map(\.sequence) == [1])
        #expect(await batches.next() == nil)
    }
}

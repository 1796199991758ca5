import Synchronization

/// The webhooks answered and not yet read, bounded: when its reader (a terminal, a pipe) falls
/// behind by ``capacity`` webhooks, newer ones are counted instead of kept, so a flood of
/// requests cannot grow the listener's memory without end.
///
/// A reader takes everything waiting at once (``ReceivedWebhooks/batches``), so one that is
/// slower than the webhooks arrive is woken once per batch, not once per webhook, and writes
/// a batch's lines together.
final class WebhookFeed: Sendable {
    /// Webhooks waiting to be read at most.
    static let capacity = 1024

    private struct State {
        var waiting: [ReceivedWebhook] = []
        var finished = false
    }

    private let state = Mutex(State())
    private let dropped = Atomic(0)
    /// One element when webhooks are waiting: a wake-up for the reader, not the webhooks.
    let arrivals: AsyncStream<Void>
    private let arrival: AsyncStream<Void>.Continuation

    init() {
        (arrivals, arrival) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func report(_ webhook: ReceivedWebhook) {
        let wakeReader = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            guard state.waiting.count < Self.capacity else {
                dropped.add(1, ordering: .relaxed)
                return false
            }
            state.waiting.append(webhook)
            return state.waiting.count == 1
        }
        if wakeReader { arrival.yield() }
    }

    /// Everything waiting, oldest first, and whether the feed has ended.
    func takeAll() -> (webhooks: [ReceivedWebhook], finished: Bool) {
        state.withLock { state in
            defer { state.waiting.removeAll(keepingCapacity: true) }
            return (state.waiting, state.finished)
        }
    }

    /// Webhooks answered but left out because the reader fell behind.
    var droppedCount: Int { dropped.load(ordering: .relaxed) }

    func finish() {
        state.withLock { $0.finished = true }
        arrival.finish()
    }
}

/// Every webhook a ``WebhookListener`` answered, in order, ending when it stops. Read it (or
/// its ``batches``) from one place only: a webhook is handed to one reader.
public struct ReceivedWebhooks: AsyncSequence, Sendable {
    public typealias Element = ReceivedWebhook

    let feed: WebhookFeed

    /// The same webhooks, everything waiting at each step: a reader slower than the webhooks
    /// arrive gets many at once.
    public var batches: Batches { Batches(feed: feed) }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(batches: batches.makeAsyncIterator())
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var batches: Batches.AsyncIterator
        var pending: [ReceivedWebhook] = []
        var nextIndex = 0

        public mutating func next() async -> ReceivedWebhook? {
            if nextIndex == pending.count {
                guard let batch = await batches.next() else { return nil }
                pending = batch
                nextIndex = 0
            }
            defer { nextIndex += 1 }
            return pending[nextIndex]
        }
    }

    /// ``ReceivedWebhooks`` a batch at a time; never an empty batch.
    public struct Batches: AsyncSequence, Sendable {
        public typealias Element = [ReceivedWebhook]

        let feed: WebhookFeed

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(feed: feed, arrivals: feed.arrivals.makeAsyncIterator())
        }

        public struct AsyncIterator: AsyncIteratorProtocol {
            let feed: WebhookFeed
            var arrivals: AsyncStream<Void>.Iterator

            public mutating func next() async -> [ReceivedWebhook]? {
                while true {
                    let (webhooks, finished) = feed.takeAll()
                    if !webhooks.isEmpty { return webhooks }
                    if finished { return nil }
                    // A wake-up may be stale (its webhooks taken already): then look again.
                    if await arrivals.next() == nil {
                        let (last, _) = feed.takeAll()
                        return last.isEmpty ? nil : last
                    }
                }
            }
        }
    }
}

import Synchronization

/// The stream of ``ReceivedWebhook``s, bounded: when its reader (a terminal, a pipe) falls
/// behind by ``capacity`` webhooks, newer ones are counted instead of kept, so a flood of
/// requests cannot grow the listener's memory without end.
final class WebhookFeed: Sendable {
    /// Webhooks waiting to be read at most.
    static let capacity = 1024

    let stream: AsyncStream<ReceivedWebhook>
    private let continuation: AsyncStream<ReceivedWebhook>.Continuation
    private let dropped = Atomic(0)

    init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(Self.capacity))
    }

    func report(_ webhook: ReceivedWebhook) {
        if case .dropped = continuation.yield(webhook) { dropped.add(1, ordering: .relaxed) }
    }

    /// Webhooks answered but left out of the stream because its reader fell behind.
    var droppedCount: Int { dropped.load(ordering: .relaxed) }

    func finish() { continuation.finish() }
}

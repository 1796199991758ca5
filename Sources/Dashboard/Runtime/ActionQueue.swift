import Synchronization

/// Actions posted by effect tasks, waiting for the loop thread. A mutex, not an actor: the
/// loop thread drains it synchronously between blocking waits.
final class ActionQueue: Sendable {
    private let actions = Mutex<[Action]>([])

    func push(_ action: Action) {
        actions.withLock { $0.append(action) }
    }

    /// The oldest `limit` actions posted so far, oldest first; the rest stay queued.
    func drain(atMost limit: Int = .max) -> [Action] {
        actions.withLock { queued in
            let count = min(limit, queued.count)
            let drained = Array(queued.prefix(count))
            queued.removeFirst(count)
            return drained
        }
    }

    var isEmpty: Bool { actions.withLock { $0.isEmpty } }
}

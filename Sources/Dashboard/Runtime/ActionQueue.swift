import Foundation

/// Actions posted by effect tasks, waiting for the loop thread. A lock, not an actor: the
/// loop thread drains it synchronously between blocking waits.
final class ActionQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    func push(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    /// Everything posted so far, oldest first.
    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let drained = actions
        actions.removeAll()
        return drained
    }
}

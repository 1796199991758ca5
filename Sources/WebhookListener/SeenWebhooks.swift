import Foundation
import Synchronization

/// The attempts of verified webhooks within the tolerance window, by `webhook-id` and
/// `webhook-timestamp`, so that a repeat is told from a new attempt (Standard Webhooks asks
/// receivers to de-duplicate).
///
/// Polar signs every attempt at its own second, retries and redeliveries with the same
/// `webhook-id`. So the same id *and* timestamp is the same signed request again: a replay
/// (by whoever captured it, or by a proxy sending twice), never Polar. The same id with a new
/// timestamp is Polar sending the event again: a redelivery someone asked for, or a retry
/// after an answer that did not reach Polar.
///
/// An attempt is remembered until its timestamp leaves the tolerance window, after which the
/// signature check refuses it anyway; at most `capacity` attempts are kept, the oldest
/// forgotten first.
final class SeenWebhooks: Sendable {
    private struct Attempt {
        var id: String
        var timestamp: Int64
    }

    private struct State {
        /// Timestamps seen for each id.
        var timestamps: [String: [Int64]] = [:]
        /// Every remembered attempt in arrival order, from `head` on (a queue in an array).
        var arrivals: [Attempt] = []
        var head = 0

        var count: Int { arrivals.count - head }

        mutating func removeOldest() {
            let oldest = arrivals[head]
            head += 1
            if var stamps = timestamps[oldest.id], let index = stamps.firstIndex(of: oldest.timestamp) {
                stamps.remove(at: index)
                timestamps[oldest.id] = stamps.isEmpty ? nil : stamps
            }
            // Reclaim the consumed front once it is half the array.
            if head > 1024, head * 2 > arrivals.count {
                arrivals.removeFirst(head)
                head = 0
            }
        }
    }

    let window: Int64
    let capacity: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - window: the tolerance of the signature check, in seconds.
    ///   - capacity: attempts kept at most.
    init(window: Int64, capacity: Int) {
        self.window = window
        self.capacity = max(1, capacity)
    }

    /// Records an attempt of a verified webhook and says whether it is a repeat.
    func record(id: String, timestamp: Int64, now: Date = Date()) -> ReceivedWebhook.Recurrence {
        let nowSeconds = Int64(now.timeIntervalSince1970)
        return state.withLock { state in
            // Forget what the signature check would refuse now, oldest arrivals first.
            while state.count > 0, state.arrivals[state.head].timestamp + window < nowSeconds {
                state.removeOldest()
            }
            let earlier = state.timestamps[id] ?? []
            // A verified timestamp is within the window, and so is its earlier twin.
            if earlier.contains(timestamp) { return .duplicate }
            let seenBefore = earlier.contains { $0 + window >= nowSeconds }
            if state.count >= capacity { state.removeOldest() }
            state.arrivals.append(Attempt(id: id, timestamp: timestamp))
            state.timestamps[id, default: []].append(timestamp)
            return seenBefore ? .redelivery : .first
        }
    }

    /// Attempts remembered now.
    var count: Int { state.withLock { $0.count } }
}

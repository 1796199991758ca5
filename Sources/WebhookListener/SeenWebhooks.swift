import FoundationEssentials
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

    /// The timestamps remembered for one id: nearly always one, which then needs no array.
    private enum Timestamps {
        case one(Int64)
        case several([Int64])

        var all: [Int64] {
            switch self {
            case .one(let timestamp): [timestamp]
            case .several(let timestamps): timestamps
            }
        }

        func contains(_ timestamp: Int64) -> Bool {
            switch self {
            case .one(let only): only == timestamp
            case .several(let timestamps): timestamps.contains(timestamp)
            }
        }

        func contains(where matches: (Int64) -> Bool) -> Bool {
            switch self {
            case .one(let only): matches(only)
            case .several(let timestamps): timestamps.contains(where: matches)
            }
        }

        func adding(_ timestamp: Int64) -> Timestamps { .several(all + [timestamp]) }

        /// Without one occurrence of `timestamp`; nil when none is left.
        func removing(_ timestamp: Int64) -> Timestamps? {
            var remaining = all
            if let index = remaining.firstIndex(of: timestamp) { remaining.remove(at: index) }
            switch remaining.count {
            case 0: return nil
            case 1: return .one(remaining[0])
            default: return .several(remaining)
            }
        }
    }

    private struct State {
        /// Timestamps seen for each id.
        var timestamps: [String: Timestamps] = [:]
        /// Every remembered attempt in arrival order, from `head` on (a queue in an array).
        var arrivals: [Attempt] = []
        var head = 0

        var count: Int { arrivals.count - head }

        mutating func removeOldest() {
            let oldest = arrivals[head]
            head += 1
            if let stamps = timestamps[oldest.id] { timestamps[oldest.id] = stamps.removing(oldest.timestamp) }
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
            let earlier = state.timestamps[id]
            // A verified timestamp is within the window, and so is its earlier twin.
            if earlier?.contains(timestamp) == true { return .duplicate }
            let seenBefore = earlier?.contains { $0 + window >= nowSeconds } ?? false
            if state.count >= capacity { state.removeOldest() }
            state.arrivals.append(Attempt(id: id, timestamp: timestamp))
            // Looked up again: removing the oldest may have forgotten this id's earlier attempt.
            state.timestamps[id] = state.timestamps[id].map { $0.adding(timestamp) } ?? .one(timestamp)
            return seenBefore ? .redelivery : .first
        }
    }

    /// Attempts remembered now.
    var count: Int { state.withLock { $0.count } }
}

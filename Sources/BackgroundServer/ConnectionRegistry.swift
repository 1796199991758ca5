import NIOCore
import Synchronization

/// The open connections of one server and what each is doing, so that a server at its limit
/// makes room by closing the connection that has waited longest for a request, never one whose
/// request is being answered.
///
/// A flood of idle connections then pushes out only its own kind: the newest connection (an
/// honest client sends its request at once) gets its turn.
final class ConnectionRegistry: Sendable {
    /// What became of a new connection.
    enum Admission {
        /// It may stay; `evicted` (when the server was full) was closed to make room.
        case admitted(ConnectionTicket, evicted: ConnectionTicket?)
        /// Every open connection has a request being answered: this one is closed at once.
        case refused
    }

    let limit: Int
    private let open = Mutex<[ObjectIdentifier: ConnectionTicket]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Registers `channel`, making room when the server is full.
    func admit(_ channel: any Channel) -> Admission {
        let ticket = ConnectionTicket(channel: channel)
        let admission = open.withLock { open -> Admission in
            var evicted: ConnectionTicket?
            if open.count >= limit {
                guard let victim = Self.leastUseful(among: open.values) else { return .refused }
                open[ObjectIdentifier(victim)] = nil
                evicted = victim
            }
            open[ObjectIdentifier(ticket)] = ticket
            return .admitted(ticket, evicted: evicted)
        }
        if case .admitted(_, let evicted?) = admission { evicted.channel.close(promise: nil) }
        return admission
    }

    /// Forgets a closed connection (nothing when it was already evicted).
    func remove(_ ticket: ConnectionTicket) {
        _ = open.withLock { $0.removeValue(forKey: ObjectIdentifier(ticket)) }
    }

    var count: Int { open.withLock { $0.count } }

    /// The connection that loses least when closed: one waiting for a request before one
    /// sending its head, before one sending its body; the longest in that state first.
    private static func leastUseful(among tickets: some Sequence<ConnectionTicket>) -> ConnectionTicket? {
        var best: (ticket: ConnectionTicket, rank: UInt8, since: UInt64)?
        for ticket in tickets {
            let (phase, since) = ticket.state
            guard phase != .answering else { continue }
            if let current = best, (current.rank, current.since) <= (phase.rawValue, since) { continue }
            best = (ticket, phase.rawValue, since)
        }
        return best?.ticket
    }
}

/// One open connection as the registry sees it; its ``ConnectionGuard`` keeps the phase current.
final class ConnectionTicket: Sendable {
    /// What the connection is doing, in the order the registry sacrifices them.
    enum Phase: UInt8 {
        case waitingForRequest = 0
        case readingHead = 1
        case readingBody = 2
        case answering = 3
    }

    let channel: any Channel
    private let phase = Atomic<UInt8>(Phase.readingHead.rawValue)
    /// When the phase began, in uptime nanoseconds.
    private let since: Atomic<UInt64>

    init(channel: any Channel) {
        self.channel = channel
        since = Atomic(NIODeadline.now().uptimeNanoseconds)
    }

    func enter(_ newPhase: Phase, at time: NIODeadline) {
        since.store(time.uptimeNanoseconds, ordering: .relaxed)
        phase.store(newPhase.rawValue, ordering: .relaxed)
    }

    var state: (phase: Phase, since: UInt64) {
        (Phase(rawValue: phase.load(ordering: .relaxed)) ?? .answering, since.load(ordering: .relaxed))
    }
}

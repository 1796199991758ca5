import NIOCore
import NIOPosix
import Synchronization
import TestSupport

/// A TCP server on loopback that accepts connections and never answers: a forward target
/// that hangs.
final class SilentServer: Sendable {
    private let channel: any Channel
    private let accepted: Accepted

    var url: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/" }

    private init(channel: any Channel, accepted: Accepted) {
        self.channel = channel
        self.accepted = accepted
    }

    static func with<T>(_ body: (SilentServer) async throws -> T) async throws -> T {
        let accepted = Accepted()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                accepted.add(child)
                return child.eventLoop.makeSucceededVoidFuture()
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = SilentServer(channel: channel, accepted: accepted)
        return try await withCleanup(of: server, body) { await $0.close() }
    }

    /// Waits until `count` connections have been accepted, or `limit` passes.
    func waitForConnections(_ count: Int, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while accepted.count < count, ContinuousClock.now < deadline {
            // A short pause between counts; the deadline decides.
            try? await Task.sleep(for: .milliseconds(10))
        }
        return accepted.count >= count
    }

    private func close() async {
        for child in accepted.all { try? await child.close().get() }
        try? await channel.close().get()
    }
}

private final class Accepted: Sendable {
    private let channels = Mutex<[any Channel]>([])
    func add(_ channel: any Channel) { channels.withLock { $0.append(channel) } }
    var count: Int { channels.withLock { $0.count } }
    var all: [any Channel] { channels.withLock { $0 } }
}

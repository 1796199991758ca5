import NIOCore
import NIOPosix
import Synchronization
import TestSupport

/// A bare TCP connection to a server, for the clients no HTTP library would be: ones that
/// trickle, stall, lie about their body or speak HTTP/1.0. Every wait is bounded.
final class RawConnection: Sendable {
    private let channel: any Channel
    private let received: ReceivedBytes

    private init(channel: any Channel, received: ReceivedBytes) {
        self.channel = channel
        self.received = received
    }

    /// Connects to `port` on loopback.
    static func open(port: Int) async throws -> RawConnection {
        let received = ReceivedBytes()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(received))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, received: received)
    }

    /// Sends `text`; false when the server has already closed the connection.
    @discardableResult
    func send(_ text: String) async -> Bool {
        await send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) async -> Bool {
        do {
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
            return true
        } catch {
            return false
        }
    }

    /// Everything the server has sent so far.
    var text: String { String(decoding: received.bytes, as: UTF8.self) }

    /// Whether the server closed the connection within `limit`.
    func closes(within limit: Duration) async -> Bool {
        let verdict = channel.eventLoop.makePromise(of: Bool.self)
        let settled = Mutex(false)
        let settle: @Sendable (Bool) -> Void = { closed in
            if settled.withLock({ done in
                defer { done = true }
                return !done
            }) {
                verdict.succeed(closed)
            }
        }
        channel.closeFuture.whenComplete { _ in settle(true) }
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(limit)) { settle(false) }
        let closed = (try? await verdict.futureResult.get()) ?? false
        timer.cancel()
        return closed
    }

    /// Waits until the server has sent something containing `marker`, or `limit` passes.
    func waitForText(_ marker: String, within limit: Duration) async -> Bool {
        await waitUntil(within: limit) { text.contains(marker) }
        return text.contains(marker)
    }

    var isOpen: Bool { channel.isActive }

    func close() async {
        try? await channel.close().get()
    }

    /// Runs `body` with a connection and always closes it.
    static func with<T>(port: Int, _ body: (RawConnection) async throws -> T) async throws -> T {
        try await withCleanup(of: try await open(port: port), body) { await $0.close() }
    }
}

private final class ReceivedBytes: Sendable {
    private let storage = Mutex<[UInt8]>([])
    var bytes: [UInt8] { storage.withLock { $0 } }
    func append(_ buffer: ByteBuffer) { storage.withLock { $0 += buffer.readableBytesView } }
}

private final class Collector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let received: ReceivedBytes

    init(_ received: ReceivedBytes) { self.received = received }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received.append(unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset is a close as far as these tests go.
        context.close(promise: nil)
    }
}

/// Waits until `condition` holds or `limit` passes, looking every 10 ms.
func waitUntil(within limit: Duration, _ condition: () -> Bool) async {
    let deadline = ContinuousClock.now + limit
    while !condition(), ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(10))
    }
}

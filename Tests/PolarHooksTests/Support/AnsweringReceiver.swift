import Foundation
import Hummingbird
import Logging

/// A local webhook receiver that answers every POST with the status it is told to, so a test
/// can make an endpoint fail and then mend it.
final class AnsweringReceiver: Sendable {
    let url: String
    private let status: StatusBox
    private let task: Task<Void, any Error>

    private init(url: String, status: StatusBox, task: Task<Void, any Error>) {
        self.url = url
        self.status = status
        self.task = task
    }

    /// Starts on a free loopback port, answering `status`.
    static func start(answering status: Int) async throws -> AnsweringReceiver {
        let box = StatusBox(status)
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            let code = await box.status
            return Response(
                status: .init(code: code), headers: [:],
                body: ResponseBody(byteBuffer: ByteBuffer(string: code == 200 ? "ok" : "Receiver broken (\(code))")))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        // Stopping the server by cancelling it is expected here, not an error worth a log line.
        var logger = Logger(label: "health-test-receiver")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        // The server says its port once it listens; a server that fails to start says nothing.
        let timeout = Task {
            try await Task.sleep(for: .seconds(20))
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next()
        timeout.cancel()
        guard let port, port > 0 else {
            task.cancel()
            throw FixtureError("the local receiver did not start")
        }
        return AnsweringReceiver(url: "http://127.0.0.1:\(port)/hook", status: box, task: task)
    }

    /// From now on, answer `code`.
    func answer(_ code: Int) async { await status.set(code) }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Runs `body` with a started receiver and always stops it.
    static func with<T>(answering status: Int, _ body: (AnsweringReceiver) async throws -> T) async throws -> T {
        let receiver = try await start(answering: status)
        do {
            let result = try await body(receiver)
            await receiver.stop()
            return result
        } catch {
            await receiver.stop()
            throw error
        }
    }
}

private actor StatusBox {
    private(set) var status: Int
    init(_ status: Int) { self.status = status }
    func set(_ status: Int) { self.status = status }
}

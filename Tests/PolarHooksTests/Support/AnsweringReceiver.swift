import Foundation
import Hummingbird
import Logging
import TestSupport

/// A local webhook receiver that answers every POST with the status it is told to, so a test
/// can make an endpoint fail and then mend it.
final class AnsweringReceiver: Sendable {
    let url: String
    private let status: StatusBox
    private let server: LocalServer

    private init(url: String, status: StatusBox, server: LocalServer) {
        self.url = url
        self.status = status
        self.server = server
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
        let server = try await LocalServer.start(router, label: "health-test-receiver")
        return AnsweringReceiver(url: server.baseURL + "/hook", status: box, server: server)
    }

    /// From now on, answer `code`.
    func answer(_ code: Int) async { await status.set(code) }

    func stop() async { await server.stop() }

    /// Runs `body` with a started receiver and always stops it.
    static func with<T>(answering status: Int, _ body: (AnsweringReceiver) async throws -> T) async throws -> T {
        try await withCleanup(of: try await start(answering: status), body) { await $0.stop() }
    }
}

/// A stand-in for Polar that answers GETs of some paths with fixed JSON bodies, whatever the
/// query: what a server this version cannot fully read would send.
final class FixedAnswers: Sendable {
    let baseURL: String
    private let server: LocalServer

    private init(server: LocalServer) {
        self.baseURL = server.baseURL
        self.server = server
    }

    /// Runs `body` with a server answering each path of `answers` with its JSON, and always
    /// stops it; on `port`, or a free one.
    static func with<T>(
        _ answers: [String: String], port: Int = 0, _ body: (FixedAnswers) async throws -> T
    ) async throws -> T {
        let router = Router()
        for (path, json) in answers {
            router.get(RouterPath(path)) { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
            }
        }
        let answering = FixedAnswers(
            server: try await LocalServer.start(router, label: "health-test-polar", port: port))
        do {
            let result = try await body(answering)
            await answering.server.stop()
            return result
        } catch {
            await answering.server.stop()
            throw error
        }
    }
}

/// A Hummingbird server on a free loopback port, for the tests' stand-ins.
struct LocalServer: Sendable {
    let baseURL: String
    private let task: Task<Void, any Error>

    /// Starts `router` on `port` (0: a free one) and waits (bounded) until it listens.
    static func start(_ router: Router<BasicRequestContext>, label: String, port: Int = 0) async throws -> LocalServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        // Stopping the server by cancelling it is expected here, not an error worth a log line.
        var logger = Logger(label: label)
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        // The server says its port once it listens; a server that fails to start says nothing.
        let timeout = Task {
            try await Task.sleep(for: .seconds(20))
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        let listening = await iterator.next()
        timeout.cancel()
        guard let listening, listening > 0 else {
            task.cancel()
            throw FixtureError("the local \(label) server did not start")
        }
        return LocalServer(baseURL: "http://127.0.0.1:\(listening)", task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

private actor StatusBox {
    private(set) var status: Int
    init(_ status: Int) { self.status = status }
    func set(_ status: Int) { self.status = status }
}

import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A request as the stub saw it.
struct RecordedRequest: Sendable {
    var method: String
    /// Path and query, exactly as sent.
    var target: String
    /// Header names lower-cased.
    var headers: [String: String]
    var body: String

    var path: String { String(target.prefix(while: { $0 != "?" })) }

    /// The query pairs, still percent-encoded, in order.
    var rawQuery: [(String, String)] {
        guard let mark = target.firstIndex(of: "?") else { return [] }
        return target[target.index(after: mark)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    func query(_ name: String) -> [String] {
        rawQuery.filter { $0.0 == name }.map { $0.1.removingPercentEncoding ?? $0.1 }
    }
}

/// A canned answer.
struct StubResponse: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String = ""
    /// Held back this long before answering (for timeout tests only).
    var delay: Duration?

    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> StubResponse {
        StubResponse(status: status, headers: headers.merging(["content-type": "application/json"]) { $1 }, body: body)
    }
}

/// Every request the stub received, in arrival order.
actor RequestLog {
    private(set) var requests: [RecordedRequest] = []

    /// Records a request and returns its 1-based number.
    func record(_ request: RecordedRequest) -> Int {
        requests.append(request)
        return requests.count
    }

    var count: Int { requests.count }
}

/// A Hummingbird server on a loopback port that answers every request through `handler`.
struct StubServer: Sendable {
    typealias Handler = @Sendable (_ request: RecordedRequest, _ number: Int) async -> StubResponse

    let baseURL: String
    let log: RequestLog
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static func start(_ handler: @escaping Handler) async throws -> StubServer {
        let log = RequestLog()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let body = try await request.body.collect(upTo: 1 << 20)
            let recorded = RecordedRequest(
                method: request.method.rawValue, target: request.uri.description, headers: headers,
                body: String(buffer: body))
            let number = await log.record(recorded)
            let answer = await handler(recorded, number)
            if let delay = answer.delay { try? await Task.sleep(for: delay) }
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let fieldName = HTTPFields.Element.Name(name) { fields.append(.init(name: fieldName, value: value)) }
            }
            return Response(
                status: .init(code: answer.status), headers: fields,
                body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        var logger = Logger(label: "stub")
        logger.logLevel = .critical
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }, logger: logger)
        // A graceful shutdown lets open connections finish; cancelling the server instead can
        // trip NIO's "NIOAsyncWriter deinited without finish()" check.
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var port = 0
        for await value in ports { port = value }
        return StubServer(baseURL: "http://127.0.0.1:\(port)", log: log, group: group, task: task)
    }

    var requests: [RecordedRequest] { get async { await log.requests } }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

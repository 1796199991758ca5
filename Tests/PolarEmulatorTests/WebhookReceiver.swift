import Foundation
import Hummingbird

/// A local webhook receiver: records what arrives and answers with scripted statuses.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        let headers: [String: String]
        let body: [UInt8]
    }

    private let task: Task<Void, any Error>
    let url: String

    /// `statuses` are answered in turn; the last one repeats.
    static func start(statuses: [Int] = [200]) async throws -> WebhookReceiver {
        let state = ReceiverState()
        await state.setStatuses(statuses)
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = Array(buffer: try await request.body.collect(upTo: 1 << 20))
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let status = await state.record(Received(headers: headers, body: body))
            return Response(
                status: .init(code: status), headers: [:],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "answer \(status)")))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return WebhookReceiver(state: state, task: task, url: "http://127.0.0.1:\(port)/hook")
    }

    private init(state: ReceiverState, task: Task<Void, any Error>, url: String) {
        self.task = task
        self.url = url
        self.sharedState = state
    }

    private let sharedState: ReceiverState

    var received: [Received] { get async { await sharedState.received } }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

actor ReceiverState {
    private(set) var received: [WebhookReceiver.Received] = []
    private var statuses: [Int] = [200]

    func setStatuses(_ statuses: [Int]) { self.statuses = statuses }

    func record(_ request: WebhookReceiver.Received) -> Int {
        received.append(request)
        let index = min(received.count - 1, statuses.count - 1)
        return statuses[index]
    }
}

import BackgroundServer
import Hummingbird
import NIOCore
import Synchronization

/// The webhook receivers of `polar-hooks --demo`, inside the demo process on loopback: the
/// demo's endpoints deliver here (``DemoEmulator``). The first path segment picks the behaviour:
/// `ok`, `discord` and `slack` answer as those services do; `flaky` fails about 40 % of the time
/// (500 or 502) and sometimes does not answer within Polar's 10 s timeout.
public final class DemoReceivers: Sendable {
    /// How long a "times out" answer holds the request: past the worker's 10 s timeout.
    static let stall: Duration = .seconds(11)

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let baseURL: String
    private let server: BackgroundServer
    private let behaviour: DemoBehaviour

    /// Starts the receivers on a free loopback port.
    /// - Parameter seed: fixes the flaky receiver's choices (for tests); nil picks at random.
    public static func start(seed: UInt64? = nil) async throws -> DemoReceivers {
        let behaviour = DemoBehaviour(seed: seed ?? UInt64.random(in: .min ... .max))
        let server = BackgroundServer()
        let port = try await server.start(
            DemoReceiverResponder(behaviour: behaviour), host: "127.0.0.1", port: 0, logLabel: "polar-demo.receivers")
        return DemoReceivers(baseURL: "http://127.0.0.1:\(port)", server: server, behaviour: behaviour)
    }

    private init(baseURL: String, server: BackgroundServer, behaviour: DemoBehaviour) {
        self.baseURL = baseURL
        self.server = server
        self.behaviour = behaviour
    }

    /// Requests answered so far, per behaviour (`ok`, `flaky`, …).
    public var answered: [String: Int] { behaviour.answered }

    public func stop() async { await server.stop() }
}

/// The answers, drawn from a seeded generator.
final class DemoBehaviour: Sendable {
    enum Answer: Equatable {
        case status(Int, body: String)
        /// Hold the request past the delivery timeout.
        case stall
    }

    private let state: Mutex<(random: DeterministicIDs, answered: [String: Int])>

    init(seed: UInt64) {
        state = Mutex((DeterministicIDs(seed: seed), [:]))
    }

    var answered: [String: Int] { state.withLock { $0.answered } }

    func answer(for kind: String) -> Answer {
        state.withLock { state in
            state.answered[kind, default: 0] += 1
            switch kind {
            case "ok": return .status(200, body: #"{"received":true}"#)
            case "discord": return .status(204, body: "")
            case "slack": return .status(200, body: "ok")
            case "flaky":
                let draw = Double.random(in: 0..<1, using: &state.random)
                if draw < 0.2 { return .status(500, body: "") }
                if draw < 0.4 { return .status(502, body: "<html><body><h1>502 Bad Gateway</h1></body></html>") }
                if draw < 0.45 { return .stall }
                return .status(200, body: #"{"received":true}"#)
            default: return .status(404, body: "no such receiver")
            }
        }
    }
}

struct DemoReceiverResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let behaviour: DemoBehaviour

    func respond(to request: Request, context: Context) async throws -> Response {
        // Read (and drop) the body, bounded like any other receiver.
        _ = try? await request.body.collect(upTo: 1 << 20)
        let kind = request.uri.path.split(separator: "/").first.map(String.init) ?? ""
        switch behaviour.answer(for: kind) {
        case .stall:
            try? await Task.sleep(for: DemoReceivers.stall)
            return Response(status: .ok)
        case .status(let code, let body):
            return Response(
                status: .init(code: code), headers: [.contentType: "text/plain"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
    }
}

import Foundation
import Hummingbird
import Logging

/// The floor of `scripts/bench listener`: a bare Hummingbird server that reads each request
/// and answers 200, with nothing of `listen` (no signature check, no limits, no feed). What
/// `listen` does per webhook is measured against it in the same run.
///
/// Usage: `ListenerFloor [PORT]` (0 or none picks a free one); prints its URL, then serves
/// until SIGINT or SIGTERM.
@main
struct ListenerFloor {
    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 0
        var logger = Logger(label: "listener-floor")
        logger.logLevel = .critical
        let app = Application(
            responder: FloorResponder(),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                // Unbuffered: the benchmark reads the URL from a file while the server runs.
                let banner = "Listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)/\n"
                FileHandle.standardOutput.write(Data(banner.utf8))
            },
            logger: logger)
        try await app.runService()
    }
}

/// Reads the body, as `listen` does, and answers `ok`.
struct FloorResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    func respond(to request: Request, context: Context) async throws -> Response {
        _ = try await request.body.collect(upTo: 1024 * 1024)
        return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
    }
}

import BackgroundServer
import Foundation
import Hummingbird
import TestSupport
import Testing

/// `ServerLimits.oversizedBodyAnswer = .responder`, for a server that must refuse a body in its
/// own words (the emulator answers as Polar): a declared body over the limit reaches the
/// responder, nothing after its answer is read, and the connection closes without losing it.
@Suite struct OversizedBodyAnswerTests {
    /// Refuses a declared length over 1 KiB with JSON; else says how much body it read.
    struct JudgingResponder: HTTPResponder {
        typealias Context = BasicRequestContext

        func respond(to request: Request, context: Context) async throws -> Response {
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > 1024 {
                return Response(
                    status: .contentTooLarge, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"error":"RequestBodyTooLarge"}"#)))
            }
            let body = try await request.body.collect(upTo: 1024)
            return Response(
                status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "read \(body.readableBytes)\n")))
        }
    }

    static func withServer<T>(_ body: (Int) async throws -> T) async throws -> T {
        let server = BackgroundServer()
        let limits = ServerLimits(maxBodyBytes: 1024, oversizedBodyAnswer: .responder)
        let port = try await server.start(
            JudgingResponder(), host: "127.0.0.1", port: 0, logLabel: "test", limits: limits)
        return try await withCleanup(of: port, body) { _ in await server.stop() }
    }

    @Test func aLyingContentLengthGetsTheRespondersOwnAnswerAndTheConnectionCloses() async throws {
        try await Self.withServer { port in
            try await RawConnection.with(port: port) { connection in
                await connection.send(
                    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000000\r\n\r\nabc")
                #expect(await connection.closes(within: .seconds(10)))
                #expect(connection.text.hasPrefix("HTTP/1.1 413"))
                #expect(connection.text.hasSuffix(#"{"error":"RequestBodyTooLarge"}"#))
                #expect(connection.text.lowercased().contains("connection: close"))
            }
        }
    }

    @Test func aBodyWithinTheLimitIsReadAndTheConnectionKept() async throws {
        try await Self.withServer { port in
            try await RawConnection.with(port: port) { connection in
                await connection.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello")
                #expect(await connection.waitForText("read 5\n", within: .seconds(10)))
                #expect(connection.text.hasPrefix("HTTP/1.1 200"))
                #expect(connection.isOpen)
            }
        }
    }
}

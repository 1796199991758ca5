import Foundation
import Testing

@testable import PolarAPI

/// Servers that misbehave below HTTP: they never answer, close early, break off mid-body or
/// send a body without end. Each attempt ends within the client's timeout (short here) with
/// a typed error, and never holds more than the body limit.
@Suite(.timeLimit(.minutes(3))) struct HostileConnectionTests {
    private static let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"

    /// The error of one `GET` against `script`. The timeout is long where the test expects
    /// another outcome (it only bounds the test; the whole suite may share two cores, and a
    /// starved read must not pass for a timeout), short where it expects the timeout itself.
    private static func error(
        timeout: Duration = .seconds(60), retryPolicy: RetryPolicy = .none, maxBodyBytes: Int? = nil,
        _ script: @escaping RawServer.Script
    ) async throws -> (PolarError?, connections: Int) {
        var result: (PolarError?, Int) = (nil, 0)
        try await withRawServer(timeout: timeout, retryPolicy: retryPolicy, maxBodyBytes: maxBodyBytes, script) {
            server, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            result = (error, server.connections)
        }
        return result
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let (error, _) = try await Self.error(timeout: .milliseconds(300)) { connection in
            connection.readHead()
            connection.waitForPeerToClose()
        }
        #expect(error == .timeout)
    }

    @Test func aHeadThatNeverEndsTimesOut() async throws {
        let (error, _) = try await Self.error(timeout: .milliseconds(300)) { connection in
            connection.readHead()
            connection.write(Self.head)
            for index in 0..<10_000 {
                guard connection.write("x-filler-\(index): \(index)\r\n") else { return }
                connection.pause(.milliseconds(20))
            }
        }
        #expect(error == .timeout)
    }

    @Test func aConnectionClosedBeforeAnsweringSaysSo() async throws {
        let (error, _) = try await Self.error { connection in connection.readHead() }
        #expect(Self.isClosed(error, midAnswer: false), "\(String(describing: error))")
        #expect(error?.description.hasPrefix("The server closed the connection before answering") == true)
    }

    @Test func aClosedConnectionIsRetriedForAReadAndThenReported() async throws {
        let (error, connections) = try await Self.error(retryPolicy: testRetryPolicy) { connection in
            connection.readHead()
        }
        #expect(Self.isClosed(error, midAnswer: false))
        #expect(connections == testRetryPolicy.maxAttempts)
    }

    @Test func aConnectionClosedMidBodySaysSo() async throws {
        let (error, _) = try await Self.error { connection in
            connection.readHead()
            connection.write(Self.head + "content-length: 1000\r\n\r\n{\"created_at\":")
        }
        #expect(Self.isClosed(error, midAnswer: true), "\(String(describing: error))")
    }

    @Test func anEndlessChunkedBodyStopsAtTheLimit() async throws {
        let chunk = String(repeating: "x", count: 16 * 1024)
        let framed = String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n"
        let (error, _) = try await Self.error(maxBodyBytes: 256 * 1024) { connection in
            connection.readHead()
            connection.write(Self.head + "transfer-encoding: chunked\r\n\r\n")
            for _ in 0..<100_000 where connection.write(framed) {}
        }
        #expect(error == .answerTooLarge(limitBytes: 256 * 1024))
    }

    @Test func aBodyTrickledForeverTimesOut() async throws {
        let (error, _) = try await Self.error(timeout: .milliseconds(400)) { connection in
            connection.readHead()
            connection.write(Self.head + "transfer-encoding: chunked\r\n\r\n")
            for _ in 0..<10_000 {
                guard connection.write("1\r\n \r\n") else { return }
                connection.pause(.milliseconds(10))
            }
        }
        #expect(error == .timeout)
    }

    @Test func aDeclaredLengthOverTheLimitIsRefusedWithoutReading() async throws {
        let (error, _) = try await Self.error(maxBodyBytes: 1024) { connection in
            connection.readHead()
            connection.write(Self.head + "content-length: 1000000000000\r\n\r\n{")
            connection.waitForPeerToClose(limit: .seconds(5))
        }
        #expect(error == .answerTooLarge(limitBytes: 1024))
    }

    @Test func garbageInsteadOfHTTPIsATypedError() async throws {
        let (error, _) = try await Self.error { connection in
            connection.readHead()
            connection.write("\u{1B}]0;pwned\u{07}SSH-2.0-OpenSSH_9.6\r\n\r\n")
        }
        switch error {
        case .network, .connectionClosed: break
        default: Issue.record("expected a network error, got \(String(describing: error))")
        }
    }

    private static func isClosed(_ error: PolarError?, midAnswer: Bool) -> Bool {
        if case .connectionClosed(_, let mid) = error { return mid == midAnswer }
        return false
    }
}

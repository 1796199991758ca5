import Foundation
import TestSupport

@testable import PolarAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP server on a loopback port that misbehaves on purpose: each connection runs a script
/// of raw writes, pauses and closes that no HTTP framework would let us produce (close before
/// answering, close mid-body, never answer, an endless chunked body).
///
/// Blocking sockets on threads of their own keep the misbehaviour independent of the client's
/// event loops. ``stop()`` closes the listener and every connection, so a script blocked in a
/// write or a wait ends too.
final class RawServer: @unchecked Sendable {
    /// One accepted connection, as a script sees it.
    final class Connection: @unchecked Sendable {
        fileprivate let socket: Int32
        fileprivate let server: RawServer

        fileprivate init(socket: Int32, server: RawServer) {
            self.socket = socket
            self.server = server
        }

        /// Reads until the end of the request head (`\r\n\r\n`), the peer closing, or 64 KiB.
        @discardableResult
        func readHead() -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while bytes.count < 65_536, !server.isStopped {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                bytes += buffer[0..<count]
                if bytes.count >= 4, bytes.suffix(4) == [13, 10, 13, 10] { break }
                if let text = String(bytes: bytes, encoding: .utf8), text.contains("\r\n\r\n") { break }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Writes everything or gives up when the peer is gone; true when all was written.
        @discardableResult
        func write(_ text: String) -> Bool { write(Array(text.utf8)) }

        @discardableResult
        func write(_ bytes: [UInt8]) -> Bool {
            var offset = 0
            while offset < bytes.count {
                if server.isStopped { return false }
                let count = bytes[offset...].withUnsafeBytes { raw in
                    send(socket, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }

        /// Waits until the peer closes the connection or the server stops (at most `limit`).
        func waitForPeerToClose(limit: Duration = .seconds(30)) {
            var buffer = [UInt8](repeating: 0, count: 1024)
            let end = ContinuousClock.now + limit
            while !server.isStopped, ContinuousClock.now < end {
                var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, 50)
                if ready > 0 {
                    if recv(socket, &buffer, buffer.count, 0) <= 0 { return }
                }
            }
        }

        /// Sleeps in small steps so a stopped server ends the script promptly.
        func pause(_ duration: Duration) {
            let end = ContinuousClock.now + duration
            while !server.isStopped, ContinuousClock.now < end { usleep(5_000) }
        }
    }

    typealias Script = @Sendable (Connection) -> Void

    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let script: Script
    private let lock = NSLock()
    private var stopped = false
    private var open: Set<Int32> = []
    private var threads: [Thread] = []
    private let finished = DispatchGroup()
    private(set) var acceptedCount = 0

    fileprivate var isStopped: Bool { lock.withLock { stopped } }

    /// Starts listening on 127.0.0.1 with a free port; every connection runs `script`, then closes.
    init(_ script: @escaping Script) throws {
        self.script = script
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawServerError.socket(errno) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw RawServerError.socket(errno)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
        let acceptor = Thread { self.acceptLoop() }
        finished.enter()
        acceptor.start()
    }

    private func acceptLoop() {
        defer { finished.leave() }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if isStopped { return }
                if errno == EINTR { continue }
                return
            }
            let admitted: Bool = lock.withLock {
                if stopped { return false }
                open.insert(client)
                acceptedCount += 1
                return true
            }
            guard admitted else {
                close(client)
                return
            }
            let connection = Connection(socket: client, server: self)
            finished.enter()
            let worker = Thread {
                self.script(connection)
                self.lock.withLock { _ = self.open.remove(client) }
                shutdown(client, Int32(SHUT_RDWR))
                close(client)
                self.finished.leave()
            }
            worker.start()
        }
    }

    /// Connections accepted so far.
    var connections: Int { lock.withLock { acceptedCount } }

    /// Closes the listener and every open connection, then waits (bounded) for the scripts.
    func stop() async {
        let sockets: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
        let group = finished
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = group.wait(timeout: .now() + 10)
                continuation.resume()
            }
        }
        close(listener)
    }
}

enum RawServerError: Error {
    case socket(Int32)
}

/// Runs `body` with a raw server running `script` and a client aimed at it; both are stopped after.
func withRawServer(
    timeout: Duration = .seconds(2), retryPolicy: RetryPolicy = .none, maxBodyBytes: Int? = nil,
    _ script: @escaping RawServer.Script, _ body: (RawServer, PolarClient) async throws -> Void
) async throws {
    let server = try RawServer(script)
    let client = makeClient(
        baseURL: server.baseURL, timeout: timeout, retryPolicy: retryPolicy,
        maxBodyBytes: maxBodyBytes ?? HTTPTransport.defaultMaxBodyBytes)
    try await withCleanup(of: client, { try await body(server, $0) }) { client in
        await client.shutdown()
        await server.stop()
    }
}

import FoundationEssentials
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Hummingbird server run in a task of its own, for the servers this package starts inside
/// another program (the emulator, the webhook listener): start it, learn the port it bound,
/// and stop it again.
///
/// Every connection is held to ``ServerLimits``: deadlines for a request's head and body and
/// for the wait between requests, a limit on connections open at once, a body size limit
/// judged from Content-Length before the body is read, and HTTP/1.0 connections without
/// keep-alive closed after their answer.
public final class BackgroundServer: Sendable {
    /// Why a server did not start.
    public enum StartError: Error, Sendable, Equatable {
        case alreadyRunning
        /// Binding failed (a port in use, an unknown host); the reason in the system's words.
        case cannotListen(reason: String)
    }

    /// The serving task and the service group it runs, while the server runs.
    private let running = Mutex<(task: Task<Void, any Error>, group: ServiceGroup)?>(nil)
    private let keptConnections = Mutex<Int?>(nil)

    public init() {}

    /// Starts serving `responder` on `host`:`port` in the background.
    ///
    /// The process's descriptor limit is raised, when it is too low, to fit
    /// `limits.maxConnections`; where the hard limit does not allow that, fewer connections
    /// are kept open at once.
    ///
    /// - Returns: the port the server listens on (the one picked when `port` is 0).
    public func start<Responder: HTTPResponder>(
        _ responder: Responder, host: String, port: Int, logLabel: String, limits: ServerLimits = ServerLimits()
    ) async throws(StartError) -> Int
    where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, continuation) = AsyncStream<Result<Int, StartError>>.makeStream()
        // The server's own log would interleave with the program's output; errors reach the caller.
        var logger = Logger(label: logLabel)
        logger.logLevel = .critical
        let registry = ConnectionRegistry(limit: DescriptorLimit.fit(limits.maxConnections))
        keptConnections.withLock { $0 = registry.limit }
        let app = Application(
            responder: responder,
            server: HTTPServerBuilder { respond in
                GuardedHTTP1Channel(responder: respond, limits: limits, registry: registry)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: logger)
        // Stopped by a graceful shutdown, not by cancelling the task: a connection accepted
        // just before would otherwise be dropped unserved, and NIO traps on its unfinished writer
        // (apple/swift-nio#3481).
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let started = running.withLock { current -> Bool in
            guard current == nil else { return false }
            let task = Task {
                do {
                    try await group.run()
                    continuation.finish()
                } catch {
                    continuation.yield(.failure(.cannotListen(reason: Self.describe(error))))
                    continuation.finish()
                    throw error
                }
            }
            current = (task, group)
            return true
        }
        guard started else { throw .alreadyRunning }
        var iterator = ports.makeAsyncIterator()
        switch await iterator.next() {
        case .success(let boundPort)?:
            return boundPort
        case .failure(let error)?:
            await stop()
            throw error
        case nil:
            // The caller was cancelled while the server started: take it down again.
            await stop()
            throw .cannotListen(reason: "the server stopped at once")
        }
    }

    /// The connections kept open at once since ``start(_:host:port:logLabel:limits:)``: the
    /// limit asked for, or fewer where the process may not open that many descriptors.
    public var connectionLimit: Int? { keptConnections.withLock { $0 } }

    /// Stops serving and waits until the server is down. Safe to call more than once.
    public func stop() async {
        guard
            let (task, group) = running.withLock({ current in
                defer { current = nil }
                return current
            })
        else { return }
        await group.triggerGracefulShutdown()
        // Requests in flight get a moment to finish; a stalled one does not hold the stop up.
        let ended = await withTaskGroup(of: Bool.self) { waits in
            waits.addTask {
                _ = await task.result
                return true
            }
            waits.addTask {
                try? await Task.sleep(for: Self.gracePeriod)
                return false
            }
            let first = await waits.next() ?? false
            waits.cancelAll()
            return first
        }
        if !ended {
            task.cancel()
            _ = await task.result
        }
    }

    /// How long a stop waits for requests in flight before it cancels them.
    static let gracePeriod = Duration.seconds(3)

    /// A bind failure in words a user can act on; anything else as the system says it.
    static func describe(_ error: any Error) -> String {
        guard let ioError = error as? IOError else { return "\(error)" }
        switch ioError.errnoCode {
        case EADDRINUSE: return "the port is in use by another program (choose another, or 0 for any free one)"
        case EACCES: return "permission denied (ports below 1024 need extra privileges; use a higher one)"
        case EADDRNOTAVAIL: return "this machine has no such address"
        default: return "\(ioError)"
        }
    }

    /// `host` as it appears in a URL: IPv6 addresses in brackets.
    public static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// What a ``BackgroundServer`` allows each client, so that one that stalls, trickles, lies
/// about its body or opens connections by the thousand cannot hold the server.
///
/// The defaults suit a server on a developer's machine that takes small JSON requests: they
/// are far above what an honest client needs and low enough that a hostile one runs out of
/// time or room first.
public struct ServerLimits: Sendable, Equatable {
    /// Time to send a request's head (request line and headers), from its first byte, or from
    /// connecting for the first request. A client that trickles its headers is closed then.
    public var headerTimeout: Duration
    /// Time to send a request's body, from the end of its head.
    public var bodyTimeout: Duration
    /// Time a kept-alive connection may wait for its next request.
    public var idleTimeout: Duration
    /// Connections open at once. A new one beyond this takes the place of the connection that
    /// has waited longest for a request; when every connection has a request being answered,
    /// the new one is closed at once.
    public var maxConnections: Int
    /// A body larger than this is refused with 413: before a byte of it is read when its
    /// Content-Length says so, else as soon as it grows past the limit.
    public var maxBodyBytes: Int
    /// Who answers a request whose Content-Length is over ``maxBodyBytes``.
    public var oversizedBodyAnswer: OversizedBodyAnswer

    /// Who answers a request whose Content-Length is over ``ServerLimits/maxBodyBytes``.
    public enum OversizedBodyAnswer: Sendable, Equatable {
        /// The server, with a plain-text 413, before a byte of the body is read.
        case server
        /// The responder, in its own words, for a server that must answer as another does (the
        /// emulator answers as Polar). It gets the request and must judge it by its
        /// Content-Length; no more than ``ServerLimits/maxBodyBytes`` of the body reaches it,
        /// and the connection closes after the answer.
        case responder
    }

    /// - Parameters:
    ///   - headerTimeout: 10 s: an honest client sends its head in one packet; Polar waits 10 s
    ///     for a whole attempt.
    ///   - bodyTimeout: 30 s: 10 MiB at 350 kB/s.
    ///   - idleTimeout: 75 s: longer than the 60 s an HTTP client keeps an unused connection
    ///     (AsyncHTTPClient's default), so the client closes it first and never sends a request
    ///     into a connection being closed.
    ///   - maxConnections: 1,024: far beyond the handful a developer's tools open, and a small
    ///     share of the descriptors a process may have.
    ///   - maxBodyBytes: 10 MiB: the API's requests and Polar's webhooks are a few kilobytes.
    ///   - oversizedBodyAnswer: the server answers.
    public init(
        headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(75), maxConnections: Int = 1024, maxBodyBytes: Int = 10 * 1024 * 1024,
        oversizedBodyAnswer: OversizedBodyAnswer = .server
    ) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxBodyBytes = maxBodyBytes
        self.oversizedBodyAnswer = oversizedBodyAnswer
    }

    /// Why a limit cannot be used, in words; nil when all can.
    public var problem: String? {
        for (name, value) in [("header", headerTimeout), ("body", bodyTimeout), ("idle", idleTimeout)]
        where value <= .zero || value > .seconds(86_400) {
            return "The \(name) timeout must be more than 0 and at most a day."
        }
        if maxConnections < 1 { return "The connection limit must be at least 1." }
        if maxBodyBytes < 0 { return "The body size limit cannot be negative." }
        return nil
    }
}

import NIOCore

/// Random failures for testing clients: with probability `rate`, a `/v1` request fails one of
/// four ways. They stand for the network and the proxies in front of Polar, so this is the
/// outermost layer and its answers carry nothing of Polar's (no `Polar-Version`).
struct FaultInjector: EmulatorMiddleware {
    enum Fault: CaseIterable, Sendable {
        /// 500 with Starlette's plain-text body.
        case internalError
        /// 503, as a proxy in front of Polar answers when overloaded.
        case unavailable
        /// The connection is closed without an answer.
        case dropConnection
        /// The right answer, late.
        case slow
    }

    let rate: Double
    /// How long a slow answer waits.
    let slowness: Duration
    /// Told of each fault drawn, for the health route.
    var counters: TrafficCounters?

    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        guard request.isAPI else { return try await next(request) }
        let fault = draw()
        if let fault { counters?.count(fault) }
        switch fault {
        case .internalError?: return .internalError
        case .unavailable?: return Self.unavailableAnswer
        case .dropConnection?:
            try? await request.channel.close()
            throw CancellationError()
        case .slow?:
            try? await Task.sleep(for: slowness)
            return try await next(request)
        case nil:
            return try await next(request)
        }
    }

    func draw() -> Fault? {
        guard rate > 0 else { return nil }
        var generator = SystemRandomNumberGenerator()
        guard Double.random(in: 0..<1, using: &generator) < rate else { return nil }
        return Fault.allCases.randomElement(using: &generator)
    }

    static let unavailableAnswer = HTTPAnswer(
        status: 503, body: Array("Service Unavailable".utf8), isJSON: false,
        headers: [("content-type", "text/plain; charset=utf-8")])
}

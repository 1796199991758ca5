/// Random failures for testing clients: with probability `rate`, a request fails one of four ways.
struct FaultInjector: Sendable {
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

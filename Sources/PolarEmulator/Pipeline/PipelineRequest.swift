import Hummingbird
import NIOCore
import PolarAPI

/// A request on its way through the emulator's middleware to the route table. Each layer may
/// answer it, or fill in what it learnt (the version, the body, the token) and pass it on.
struct PipelineRequest: Sendable {
    var method: String
    var path: String
    var query: QueryParameters
    var headers: HTTPFields
    /// Read by ``BodyLengthMiddleware``; empty before.
    var body: [UInt8] = []
    /// The `Polar-Version` in effect, set by ``VersionMiddleware``.
    var version: APIVersion = .v2026_04
    /// The bearer token, if the request has a usable one.
    var token: String?
    /// Hummingbird's stream of the body, still unread.
    let bodyStream: RequestBody
    /// The connection, so a fault can drop it.
    let channel: any Channel

    /// Whether the request is for Polar's API, `/api/v1` included (faults, latency and the rate
    /// limit apply there only).
    var isAPI: Bool {
        ["/v1", "/api/v1"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    func header(_ name: String) -> String? {
        Field.Name(name).flatMap { headers[$0] }
    }
}

/// One layer around the route table.
protocol EmulatorMiddleware: Sendable {
    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer
}

/// What comes after a middleware: the next one, or the route table.
typealias PipelineResponder = @Sendable (PipelineRequest) async throws -> HTTPAnswer

extension Array where Element == any EmulatorMiddleware {
    /// The middleware, outermost first, wrapped around `last`.
    func wrapping(_ last: @escaping PipelineResponder) -> PipelineResponder {
        reversed().reduce(last) { next, middleware in
            { request in try await middleware.respond(to: request, next: next) }
        }
    }
}

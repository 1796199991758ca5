import Hummingbird
import NIOCore

/// HTTPTypes' `HTTPField`, reached through the type Hummingbird re-exports.
typealias Field = HTTPFields.Element

/// Hummingbird's door into the emulator: Polar's API goes through Polar's layers to the route
/// table, the admin routes (`/_emulator/…`) through a plain body reader to the same table.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    private let api: PipelineResponder
    private let admin: PipelineResponder

    init(routes: RouteTable, polarLayers: [any EmulatorMiddleware]) {
        let table: PipelineResponder = { await routes.respond(to: $0) }
        api = polarLayers.wrapping(table)
        admin = [BodyLengthMiddleware(enforcesPolarRules: false)].wrapping(table)
    }

    /// Polar's layers, outermost first (CONTRACT.md §1, §4; `app.py` adds them in reverse):
    /// the emulator's own counters see everything; faults stand for the network in front of Polar; then `Polar-Version`, the body-length
    /// checks, the `/api` rewrite, the rate limit, the latency, the token, `Cache-Control`.
    static func polarLayers(
        faults: FaultInjector, rateLimiter: RateLimiter?, latency: Duration, counters: TrafficCounters
    ) -> [any EmulatorMiddleware] {
        var layers: [any EmulatorMiddleware] = [
            counters, faults, VersionMiddleware(), BodyLengthMiddleware(), PathRewriteMiddleware(),
        ]
        if let rateLimiter { layers.append(rateLimiter) }
        layers += [LatencyMiddleware(latency: latency), TokenMiddleware(), CacheControlMiddleware()]
        return layers
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let pipelineRequest = PipelineRequest(
            method: request.method.rawValue, path: path, query: QueryParameters(request.uri.query),
            headers: request.headers, bodyStream: request.body, channel: context.channel)
        let pipeline = path.hasPrefix("/_emulator/") ? admin : api
        return Self.response(try await pipeline(pipelineRequest))
    }

    static func response(_ answer: HTTPAnswer) -> Response {
        var headers = HTTPFields()
        if answer.isJSON { headers[.contentType] = "application/json" }
        for (name, value) in answer.headers {
            guard let field = Field.Name(name) else { continue }
            headers.append(Field(name: field, value: value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

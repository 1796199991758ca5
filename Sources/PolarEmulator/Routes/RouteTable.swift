/// Routing as FastAPI does it, from the route declarations: no route for the path is 404, a
/// route for the path but not the method is 405; then the route's access (401 without a token,
/// 403 without the scope) and its handler.
struct RouteTable: Sendable {
    let routes: [Route]

    enum Match {
        case found(Route, parameters: [String: String])
        case methodNotAllowed
        case notFound
    }

    func match(method: String, path: String) -> Match {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.first == "" { segments.removeFirst() }
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        var pathMatched = false
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == method { return .found(route, parameters: parameters) }
            pathMatched = true
        }
        return pathMatched ? .methodNotAllowed : .notFound
    }

    /// The innermost responder of the pipeline.
    func respond(to request: PipelineRequest) async -> HTTPAnswer {
        do throws(APIFailure) {
            return try await dispatch(request)
        } catch {
            return error.answer
        }
    }

    private func dispatch(_ request: PipelineRequest) async throws(APIFailure) -> HTTPAnswer {
        let route: Route
        let parameters: [String: String]
        switch match(method: request.method, path: request.path) {
        case .found(let found, let values): (route, parameters) = (found, values)
        case .methodNotAllowed: throw .methodNotAllowed
        case .notFound: throw .routeNotFound
        }
        switch route.handler {
        case .admin(let handler):
            return await handler(AdminRequest(body: request.body))
        case .api(let scope, let handler):
            guard let token = request.token, let caller = Caller.forToken(token) else { throw .unauthorized }
            if scope == .write, !caller.canWrite { throw .insufficientScope }
            return try await handler(
                APIRequest(
                    parameters: parameters, query: request.query, body: request.body, version: request.version,
                    caller: caller))
        }
    }
}

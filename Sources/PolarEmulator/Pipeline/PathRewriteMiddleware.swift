/// `/api/v1/…` is served as `/v1/…` (Polar's `PathRewriteMiddleware`, CONTRACT.md §1).
struct PathRewriteMiddleware: EmulatorMiddleware {
    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        var request = request
        if request.path == "/api/v1" || request.path.hasPrefix("/api/v1/") { request.path.removeFirst(4) }
        return try await next(request)
    }
}

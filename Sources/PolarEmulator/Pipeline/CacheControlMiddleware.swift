/// Polar's `CacheControlMiddleware`: what the routes answer, errors included, carries
/// `Cache-Control: private, no-store` unless it set its own. It sits inside the outer layers,
/// so their answers (411, 413, 429, the invalid-token 401, the version 404) do not get it.
struct CacheControlMiddleware: EmulatorMiddleware {
    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        var answer = try await next(request)
        if !answer.headers.contains(where: { $0.0.lowercased() == "cache-control" }) {
            answer.headers.append(("cache-control", "private, no-store"))
        }
        return answer
    }
}

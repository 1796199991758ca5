/// A fixed delay before every `/v1` answer (`--latency-ms`), for trying clients on a slow link.
struct LatencyMiddleware: EmulatorMiddleware {
    let latency: Duration

    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        if request.isAPI, latency > .zero { try? await Task.sleep(for: latency) }
        return try await next(request)
    }
}

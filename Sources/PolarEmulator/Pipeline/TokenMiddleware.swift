import TextTools

/// Polar's authentication layer: it reads the bearer token, and refuses one it does not know
/// before any route is matched, with authlib's answer (its own `Cache-Control: no-store`).
/// A request without a token goes on: the routes answer 401 for it (CONTRACT.md §4).
struct TokenMiddleware: EmulatorMiddleware {
    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        var request = request
        request.token = Self.bearer(request.header("Authorization"))
        if let token = request.token, Caller.forToken(token) == nil { return APIFailure.invalidToken.answer }
        return try await next(request)
    }

    /// The bearer token, or nil without usable credentials.
    static func bearer(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingWhitespace()
        return token.isEmpty ? nil : token
    }
}

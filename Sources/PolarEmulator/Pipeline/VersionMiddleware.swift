import PolarAPI
import TextTools

/// Polar's outermost layer (`APIVersionMiddleware`): an unsupported or unparsable
/// `Polar-Version` is a bare 404; otherwise every answer echoes the version in effect
/// (CONTRACT.md §1).
struct VersionMiddleware: EmulatorMiddleware {
    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        guard let version = Self.version(request.header("Polar-Version")) else {
            return APIFailure.routeNotFound.answer
        }
        var request = request
        request.version = version
        var answer = try await next(request)
        answer.headers.append(("polar-version", version.rawValue))
        return answer
    }

    /// The version in effect: the header's, or 2026-04 without one; nil for an unsupported one.
    static func version(_ header: String?) -> APIVersion? {
        guard let header else { return .v2026_04 }
        let version = APIVersion(rawValue: header.trimmingWhitespace())
        return APIVersion.supported.contains(version) ? version : nil
    }
}

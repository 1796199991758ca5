/// Every error answer the emulator gives on `/v1`, worded as Polar words it (CONTRACT.md §4).
enum APIFailure: Error, Sendable, Equatable {
    /// 401 without credentials.
    case unauthorized
    /// 401 with a token the emulator does not know.
    case invalidToken
    /// 403: the token lacks `webhooks:write`.
    case insufficientScope
    /// 404 `ResourceNotFound`.
    case resourceNotFound
    /// 404 from routing or an unsupported `Polar-Version`.
    case routeNotFound
    /// 405 from routing.
    case methodNotAllowed
    /// 422 from schema, path or query validation.
    case requestValidation([ValidationItem])
    /// 422 from a service-level check.
    case serviceValidation([ValidationItem])

    var answer: HTTPAnswer {
        switch self {
        case .unauthorized:
            return HTTPAnswer(
                status: 401, json: ["error": "Unauthorized", "detail": "Unauthorized"],
                headers: [("www-authenticate", "Bearer realm=\"polar\"")])
        case .invalidToken:
            let description =
                "The access token provided is expired, revoked, malformed, or invalid for other reasons."
            return HTTPAnswer(
                status: 401, json: ["error": "invalid_token", "error_description": .string(description)],
                headers: [
                    (
                        "www-authenticate",
                        "Bearer realm=\"polar\", error=\"invalid_token\", error_description=\"\(description)\""
                    ),
                    ("cache-control", "no-store"), ("pragma", "no-cache"),
                ])
        case .insufficientScope:
            let description = "The request requires higher privileges than provided by the access token."
            return HTTPAnswer(
                status: 403,
                json: ["error": "insufficient_scope", "error_description": .string(description)],
                headers: [
                    (
                        "www-authenticate",
                        "Bearer realm=\"polar\", error=\"insufficient_scope\", error_description=\"\(description)\", scope=\"webhooks:write\""
                    )
                ])
        case .resourceNotFound:
            return HTTPAnswer(status: 404, json: ["error": "ResourceNotFound", "detail": "Not found"])
        case .routeNotFound:
            return HTTPAnswer(status: 404, json: ["detail": "Not Found"])
        case .methodNotAllowed:
            return HTTPAnswer(status: 405, json: ["detail": "Method Not Allowed"])
        case .requestValidation(let items):
            return HTTPAnswer(
                status: 422, json: ["error": "RequestValidationError", "detail": .array(items.map(\.json))])
        case .serviceValidation(let items):
            return HTTPAnswer(
                status: 422,
                json: ["error": "PolarRequestValidationError", "detail": .array(items.map(\.json))])
        }
    }
}

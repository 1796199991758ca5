import PolarAPI

/// One route of the emulator: method, path pattern, the scope it needs, handler. ``RouteTable``
/// derives routing, 404 versus 405 and the authentication and scope checks from these
/// declarations; ``EmulatorRoutes`` lists them all.
struct Route: Sendable {
    /// What a Polar route needs from the token (CONTRACT.md §1 "Scopes").
    enum Scope: Sendable {
        /// `webhooks:read` or `webhooks:write`.
        case read
        /// `webhooks:write`.
        case write
    }

    enum Handler: Sendable {
        /// A Polar route: it runs only for a known token with the scope.
        case api(Scope, @Sendable (APIRequest) async throws(APIFailure) -> HTTPAnswer)
        /// An emulator admin route: no token, no scope.
        case admin(@Sendable (AdminRequest) async -> HTTPAnswer)
    }

    let method: String
    let pattern: PathPattern
    let handler: Handler

    /// A route of Polar's API.
    static func api(
        _ method: String, _ pattern: String, _ scope: Scope,
        _ handler: @escaping @Sendable (APIRequest) async throws(APIFailure) -> HTTPAnswer
    ) -> Route {
        Route(method: method, pattern: PathPattern(pattern), handler: .api(scope, handler))
    }

    /// A route of the emulator's own, under `/_emulator/`.
    static func admin(
        _ method: String, _ pattern: String, _ handler: @escaping @Sendable (AdminRequest) async -> HTTPAnswer
    ) -> Route {
        Route(method: method, pattern: PathPattern(pattern), handler: .admin(handler))
    }
}

/// What an admin route gets: the body.
struct AdminRequest: Sendable {
    var body: [UInt8]
}

/// A path such as `/v1/webhooks/endpoints/{id}/secret`. A trailing slash on the request is
/// ignored (`/v1/organizations/` and `/v1/organizations` are the same route).
struct PathPattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    init(_ text: String) {
        segments = text.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}")
                ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    /// The parameters when `path` matches, nil otherwise.
    func match(_ path: [Substring]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let text): guard part == text else { return nil }
            case .parameter(let name): parameters[name] = String(part)
            }
        }
        return parameters
    }
}

import Foundation
import Hummingbird
import NIOCore
import PolarAPI
import PolarJSON

/// The whole request pipeline in Polar's order (CONTRACT.md §1, §4): `Polar-Version`, the
/// body-length checks, the `/api` rewrite, rate limit, faults, latency, the token, routing, the
/// route's own authentication, then the operation.
/// HTTPTypes' `HTTPField`, reached through the type Hummingbird re-exports.
typealias Field = HTTPFields.Element

struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    let api: EmulatorAPI
    let admin: AdminRoutes
    let rateLimiter: RateLimiter?
    let faults: FaultInjector
    let latency: Duration
    let slowFault: Duration
    let startedAt: Date

    static let maxBodyBytes = 10 * 1024 * 1024
    static let versionHeader = Field.Name("Polar-Version") ?? .contentType

    func respond(to request: Request, context: Context) async throws -> Response {
        var path = request.uri.path
        let method = request.method.rawValue
        if path.hasPrefix("/_emulator/") {
            guard let body = try? await request.body.collect(upTo: Self.maxBodyBytes) else {
                return Self.response(Self.bodyTooLarge, version: nil)
            }
            return Self.response(
                await admin.handle(method: method, path: path, body: Array(buffer: body)), version: nil)
        }
        // Polar's outermost layer: an unsupported version is a bare 404, before anything else.
        guard let version = Self.version(request.headers[Self.versionHeader]) else {
            return Self.response(APIFailure.routeNotFound.answer, version: nil)
        }
        if let refusal = Self.lengthRefusal(method: method, contentLength: request.headers[.contentLength]) {
            return Self.response(refusal, version: version)
        }
        guard let collected = try? await request.body.collect(upTo: Self.maxBodyBytes) else {
            return Self.response(Self.bodyTooLarge, version: version)
        }
        let body = Array(buffer: collected)
        if path == "/api/v1" || path.hasPrefix("/api/v1/") { path.removeFirst(4) }

        let token = Self.bearer(request.headers[.authorization])
        if path == "/v1" || path.hasPrefix("/v1/") {
            if let rateLimiter, let wait = rateLimiter.admit(key: token ?? "anonymous") {
                var answer = HTTPAnswer(
                    status: 429, body: [], isJSON: false, headers: [("retry-after", String(wait))])
                answer.headers.append(("content-length", "0"))
                return Self.response(answer, version: version)
            }
            switch faults.draw() {
            case .internalError?: return Self.response(.internalError, version: nil)
            case .unavailable?: return Self.response(FaultInjector.unavailableAnswer, version: nil)
            case .dropConnection?:
                try? await context.channel.close()
                throw CancellationError()
            case .slow?: try? await Task.sleep(for: slowFault)
            case nil: break
            }
            if latency > .zero { try? await Task.sleep(for: latency) }
        }
        // The authentication middleware refuses an unknown token before any route is matched;
        // its answer carries its own `Cache-Control: no-store`.
        if let token, Caller.forToken(token) == nil {
            return Self.response(APIFailure.invalidToken.answer, version: version)
        }
        var answer: HTTPAnswer
        do throws(APIFailure) {
            answer = try await route(
                method: method, path: path, token: token, query: QueryParameters(request.uri.query),
                body: body,
                version: version)
        } catch {
            answer = error.answer
        }
        // Everything the routes answer, errors included (CONTRACT.md §1).
        if !answer.headers.contains(where: { $0.0.lowercased() == "cache-control" }) {
            answer.headers.append(("cache-control", "private, no-store"))
        }
        return Self.response(answer, version: version)
    }

    /// Polar's body-size middleware: POST, PUT and PATCH must declare a length, and a declared
    /// length over 10 MiB is refused before the body is read (CONTRACT.md §1).
    static func lengthRefusal(method: String, contentLength: String?) -> HTTPAnswer? {
        guard let contentLength else {
            guard ["POST", "PUT", "PATCH"].contains(method) else { return nil }
            return pythonJSONAnswer(
                status: 411, ["error": "LengthRequired", "detail": "A Content-Length header is required."])
        }
        // An unparsable value is let through, as Python's `int()` failing is ignored there.
        guard let length = Int(contentLength.trimmingCharacters(in: .whitespaces)), length > maxBodyBytes
        else { return nil }
        return bodyTooLarge
    }

    static let bodyTooLarge = pythonJSONAnswer(
        status: 413,
        [
            "error": "RequestBodyTooLarge",
            "detail": .string("Request body exceeded the maximum allowed size of \(maxBodyBytes) bytes."),
        ])

    /// The middleware writes its answers with `json.dumps`, spaces after `,` and `:` included.
    private static func pythonJSONAnswer(status: Int, _ json: JSONValue) -> HTTPAnswer {
        HTTPAnswer(status: status, body: Array(PythonJSONText.dumps(json).utf8), isJSON: true)
    }

    private func route(
        method: String, path: String, token: String?, query: QueryParameters, body: [UInt8],
        version: APIVersion
    )
        async throws(APIFailure) -> HTTPAnswer
    {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.first == "" { segments.removeFirst() }
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        guard segments.first == "v1" else { throw .routeNotFound }
        segments.removeFirst()

        enum Operation {
            case listEndpoints, createEndpoint
            case getEndpoint(String)
            case updateEndpoint(String)
            case deleteEndpoint(String)
            case resetSecret(String)
            case listDeliveries
            case redeliver(String)
            case listOrganizations
        }
        func pick(_ options: [String: Operation]) throws(APIFailure) -> Operation {
            guard let operation = options[method] else { throw .methodNotAllowed }
            return operation
        }
        let operation: Operation
        switch segments {
        case ["webhooks", "endpoints"]:
            operation = try pick(["GET": .listEndpoints, "POST": .createEndpoint])
        case let s where s.count == 3 && s[0] == "webhooks" && s[1] == "endpoints":
            operation = try pick([
                "GET": .getEndpoint(s[2]), "PATCH": .updateEndpoint(s[2]), "DELETE": .deleteEndpoint(s[2]),
            ])
        case let s where s.count == 4 && s[0] == "webhooks" && s[1] == "endpoints" && s[3] == "secret":
            operation = try pick(["PATCH": .resetSecret(s[2])])
        case ["webhooks", "deliveries"]:
            operation = try pick(["GET": .listDeliveries])
        case let s where s.count == 4 && s[0] == "webhooks" && s[1] == "events" && s[3] == "redeliver":
            operation = try pick(["POST": .redeliver(s[2])])
        case ["organizations"]:
            operation = try pick(["GET": .listOrganizations])
        default:
            throw .routeNotFound
        }

        guard let token, let caller = Caller.forToken(token) else { throw .unauthorized }
        let request = APIRequest(
            method: method, segments: segments, query: query, body: body, version: version, caller: caller
        )
        switch operation {
        case .listEndpoints: return try await api.listEndpoints(request)
        case .createEndpoint: return try await api.createEndpoint(request)
        case .getEndpoint(let id): return try await api.getEndpoint(request, id: id)
        case .updateEndpoint(let id): return try await api.updateEndpoint(request, id: id)
        case .deleteEndpoint(let id): return try await api.deleteEndpoint(request, id: id)
        case .resetSecret(let id): return try await api.resetSecret(request, id: id)
        case .listDeliveries: return try await api.listDeliveries(request)
        case .redeliver(let id): return try await api.redeliver(request, id: id)
        case .listOrganizations: return try api.listOrganizations(request, startedAt: startedAt)
        }
    }

    /// The version in effect: the header's, or 2026-04 without one; nil for an unsupported one.
    static func version(_ header: String?) -> APIVersion? {
        guard let header else { return .v2026_04 }
        let version = APIVersion(rawValue: header.trimmingCharacters(in: .whitespaces))
        return APIVersion.supported.contains(version) ? version : nil
    }

    /// The bearer token, or nil without usable credentials.
    static func bearer(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func response(_ answer: HTTPAnswer, version: APIVersion?) -> Response {
        var headers = HTTPFields()
        if answer.isJSON { headers[.contentType] = "application/json" }
        for (name, value) in answer.headers {
            guard let field = Field.Name(name) else { continue }
            headers.append(Field(name: field, value: value))
        }
        if let version { headers[versionHeader] = version.rawValue }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

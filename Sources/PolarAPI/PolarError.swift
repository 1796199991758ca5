import FoundationEssentials

/// Everything that can go wrong talking to Polar, in words a user can act on.
///
/// The description never contains the access token or an endpoint secret.
public enum PolarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401: no token, or one that is unknown, expired or revoked.
    case unauthorized(detail: String)
    /// 403 `insufficient_scope`: the token lacks a scope (e.g. `webhooks:write`).
    case insufficientScope(detail: String)
    /// 403 `NotPermitted` or any other 403.
    case forbidden(detail: String)
    /// 404 `ResourceNotFound`.
    case notFound(detail: String)
    /// 404 `{"detail":"Not Found"}`: no such route, or an unsupported `Polar-Version`.
    case routeNotFound
    /// 422: one issue per field (`loc`) the server rejected.
    case validation([ValidationIssue])
    /// 429, with the wait the server asked for.
    case rateLimited(retryAfter: Int?)
    /// 5xx, with a summary of the body (its first line, or an HTML page's title).
    case server(status: Int, body: String)
    /// Any other status the API does not document, with a summary of the body.
    case unexpectedStatus(status: Int, body: String)
    /// The connection failed (refused, reset, DNS, TLS).
    case network(String)
    /// The server (`target`, `host:port`) closed the connection before answering, or, when
    /// `midAnswer`, before its answer was complete.
    case connectionClosed(target: String, midAnswer: Bool)
    /// No answer in time.
    case timeout
    /// The request was cancelled (e.g. Esc in the dashboard).
    case cancelled
    /// The answer was not the JSON the API documents.
    case undecodableBody(String)
    /// The answer was longer than the client reads (`limitBytes`); it was not read further.
    case answerTooLarge(limitBytes: Int)
    /// A list's pages contradicted themselves or went past the client's ceilings; the items
    /// before the stop were delivered.
    case untrustworthyPaging(PagingProblem)
    /// The access token cannot be sent in a header; nothing was sent. `problem` names the
    /// position, never the token ("contains a control character (position 13)").
    case invalidAccessToken(problem: String)
    /// Another header value (e.g. a configured `Polar-Version`) cannot be sent; nothing was sent.
    case invalidHeaderValue(name: String, problem: String)

    /// The HTTP status behind the error, if there was one.
    public var status: Int? {
        switch self {
        case .unauthorized: 401
        case .insufficientScope, .forbidden: 403
        case .notFound, .routeNotFound: 404
        case .validation: 422
        case .rateLimited: 429
        case .server(let status, _), .unexpectedStatus(let status, _): status
        case .network, .connectionClosed, .timeout, .cancelled, .undecodableBody, .answerTooLarge,
            .untrustworthyPaging, .invalidAccessToken, .invalidHeaderValue:
            nil
        }
    }

    /// True for 401 and 403, and for a token that cannot be sent: the token, not the
    /// request, is the problem.
    public var isAuthentication: Bool {
        switch self {
        case .unauthorized, .insufficientScope, .forbidden, .invalidAccessToken: true
        default: false
        }
    }

    /// One or more sentences. Each starts with a word that may be lower-cased when the
    /// command line puts it after "error: " ("Polar" is never first, so it keeps its capital).
    public var description: String {
        switch self {
        case .unauthorized(let detail):
            "The access token was not accepted by Polar (\(detail)). Check that it is current and meant for this environment."
        case .insufficientScope(let detail):
            "The access token lacks a scope this needs (\(detail)). Create a token with webhooks:write."
        case .forbidden(let detail):
            "Not allowed: \(detail)"
        case .notFound(let detail):
            detail == "Not found"
                ? "Not found: no such endpoint or event in your organizations." : "Not found: \(detail)"
        case .routeNotFound:
            "The server has no such API route or does not support the requested Polar-Version."
        case .validation(let issues):
            issues.isEmpty ? "The server rejected the request." : issues.map(\.description).joined(separator: "; ")
        case .rateLimited(let retryAfter):
            if let retryAfter {
                "Too many requests; Polar asks to wait \(retryAfter) s\(Self.roughly(seconds: retryAfter))."
            } else {
                "Too many requests."
            }
        case .server(let status, let body):
            "Server error at Polar (HTTP \(status))" + Self.clause(body)
        case .unexpectedStatus(let status, let body):
            "Unexpected answer from the server (HTTP \(status))" + Self.clause(body)
        case .network(let message):
            "Could not reach the server: \(message)"
        case .connectionClosed(let target, let midAnswer):
            midAnswer
                ? "The server closed the connection before its answer was complete (\(target))."
                : "The server closed the connection before answering (\(target))."
        case .timeout:
            "The server did not answer in time."
        case .cancelled:
            "Cancelled."
        case .undecodableBody(let message):
            "The server's answer was not what the API documents: \(message)"
        case .answerTooLarge(let limit):
            "The server's answer was larger than \(Self.size(limit)), the most this client reads; it was not read."
        case .untrustworthyPaging(let problem):
            "Stopped reading the list of \(problem.itemNamePlural): \(problem)."
        case .invalidAccessToken(let problem):
            "The access token \(problem); paste it again."
        case .invalidHeaderValue(let name, let problem):
            "The \(name) header cannot be sent: its value \(problem)."
        }
    }

    /// ": <body>" or "." when there is none; bounded however the error was made.
    private static func clause(_ body: String) -> String {
        body.isEmpty ? "." : ": \(body.prefix(ErrorBodySummary.maxCharacters))"
    }

    /// " (about 11 days)" for a wait long enough to be worth converting, else "".
    private static func roughly(seconds: Int) -> String {
        switch seconds {
        case ..<120: ""
        case ..<7_200: " (about \(seconds / 60) minutes)"
        case ..<172_800: " (about \(seconds / 3_600) hours)"
        default: " (about \(seconds / 86_400) days)"
        }
    }

    /// `32 MiB`, `512 KiB` or `900 bytes`.
    private static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// Issues for one body field (e.g. "url"), for messages beside a form field.
    public func issues(forField field: String) -> [ValidationIssue] {
        guard case .validation(let issues) = self else { return [] }
        return issues.filter { $0.field == field }
    }
}

/// One item of a 422 body's `detail`.
public struct ValidationIssue: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Where: `["body", "url"]`, `["query", "page"]`, `["path", "id"]`.
    public var loc: [LocationComponent]
    public var msg: String
    public var type: String

    public init(loc: [LocationComponent], msg: String, type: String) {
        self.loc = loc
        self.msg = msg
        self.type = type
    }

    /// The field a body or query issue is about (`url`), or nil for the body as a whole.
    public var field: String? {
        guard loc.count >= 2 else { return nil }
        return loc.dropFirst().map(\.description).joined(separator: ".")
    }

    /// The message without pydantic's "Value error, " lead-in.
    public var message: String {
        msg.hasPrefix("Value error, ") ? String(msg.dropFirst("Value error, ".count)) : msg
    }

    public var description: String {
        if let field { return "\(field): \(message)" }
        return message
    }

    /// One part of a `loc`: a key or a list index.
    public enum LocationComponent: Codable, Sendable, Hashable, CustomStringConvertible,
        ExpressibleByStringLiteral, ExpressibleByIntegerLiteral
    {
        case key(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .key(value) }
        public init(integerLiteral value: Int) { self = .index(value) }

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .index(index)
            } else {
                self = .key(try container.decode(String.self))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .key(let key): try container.encode(key)
            case .index(let index): try container.encode(index)
            }
        }

        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }
    }
}

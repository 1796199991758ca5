import FoundationEssentials
import PolarJSON
import TextTools

/// Removes a secret (the access token) from text bound for an error, in every form it could
/// have been echoed in: as is, escaped the way Swift prints strings (how a library's error
/// shows a header value), escaped as JSON, and percent-encoded.
struct SecretRedactor: Sendable {
    static let replacement = "[redacted]"
    /// The forms to replace, longest first so an escaped form is not half-replaced.
    private let forms: [String]

    init(secret: String) {
        // A secret this short would erase ordinary words; no real token is.
        guard secret.count >= 4 else {
            forms = []
            return
        }
        let swiftEscaped = String(String(reflecting: secret).dropFirst().dropLast())
        let jsonEscaped = String(JSONValue.string(secret).serialized().dropFirst().dropLast())
        // Some JSON writers also escape `/` (Foundation's by default).
        let jsonEscapedSlashes = jsonEscaped.replacing("/", with: "\\/")
        let candidates = [secret, swiftEscaped, jsonEscaped, jsonEscapedSlashes, PercentEncoding.encode(secret)]
        forms = Array(Set(candidates.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    func clean(_ text: String) -> String {
        forms.reduce(text) { $0.replacing($1, with: Self.replacement) }
    }
}

extension PolarError {
    /// The same error with every form of `secret` (the token) removed from its text. The
    /// client applies it to everything it throws: a server or proxy could echo the header.
    func redacting(_ secret: String) -> PolarError { redacting(SecretRedactor(secret: secret)) }

    func redacting(_ redactor: SecretRedactor) -> PolarError {
        let clean = redactor.clean
        switch self {
        case .unauthorized(let detail): return .unauthorized(detail: clean(detail))
        case .insufficientScope(let detail): return .insufficientScope(detail: clean(detail))
        case .forbidden(let detail): return .forbidden(detail: clean(detail))
        case .notFound(let detail): return .notFound(detail: clean(detail))
        case .validation(let issues):
            return .validation(
                issues.map { issue in
                    ValidationIssue(
                        loc: issue.loc.map {
                            if case .key(let key) = $0 { return .key(clean(key)) }
                            return $0
                        }, msg: clean(issue.msg), type: clean(issue.type))
                })
        case .server(let status, let body): return .server(status: status, body: clean(body))
        case .unexpectedStatus(let status, let body): return .unexpectedStatus(status: status, body: clean(body))
        case .network(let message): return .network(clean(message))
        case .connectionClosed(let target, let midAnswer):
            return .connectionClosed(target: clean(target), midAnswer: midAnswer)
        case .undecodableBody(let message): return .undecodableBody(clean(message))
        case .invalidAccessToken(let problem): return .invalidAccessToken(problem: clean(problem))
        case .invalidHeaderValue(let name, let problem):
            return .invalidHeaderValue(name: clean(name), problem: clean(problem))
        case .routeNotFound, .rateLimited, .timeout, .cancelled, .answerTooLarge, .untrustworthyPaging:
            return self
        }
    }
}

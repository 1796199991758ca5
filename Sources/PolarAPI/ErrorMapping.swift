import AsyncHTTPClient
import FoundationEssentials
import NIOCore
import PolarJSON
import TextTools

/// Turns HTTP answers and transport failures into ``PolarError``s (CONTRACT §4).
///
/// Server text is redacted (the token removed) before it is cut short, so a cut can never
/// leave part of the token behind, and it is kept short: one line, an HTML page's title.
enum ErrorMapping {
    /// At most this many 422 issues are kept, each message at most this long: a hostile
    /// answer must not become a message of megabytes.
    static let maxValidationIssues = 100
    static let maxIssueMessageCharacters = 500

    /// The error for a non-2xx answer.
    static func error(
        status: Int, retryAfter: String?, contentType: String? = nil, body: Data,
        redactor: SecretRedactor = SecretRedactor(secret: "")
    ) -> PolarError {
        let envelope = try? PolarCoding.decoder.decode(ErrorEnvelope.self, from: Array(body))
        var summary: String {
            ErrorBodySummary.summary(
                of: redactor.clean(String(decoding: body, as: UTF8.self)), contentType: contentType)
        }
        let message = envelope?.message.map { ErrorBodySummary.summary(of: redactor.clean($0), contentType: nil) }
        switch status {
        case 401:
            return .unauthorized(detail: message ?? nonEmpty(summary, or: "Unauthorized"))
        case 403:
            let detail = message ?? nonEmpty(summary, or: "Forbidden")
            return envelope?.error == "insufficient_scope"
                ? .insufficientScope(detail: detail) : .forbidden(detail: detail)
        case 404:
            // Polar's own 404s name their class; a bare `{"detail":"Not Found"}` (or any body
            // without `error`) comes from the router or the version middleware.
            if let envelope, envelope.error != nil {
                return .notFound(detail: message ?? "Not found")
            }
            return .routeNotFound
        case 422:
            return validationError(
                body: body, message: message, envelope: envelope, summary: { summary }, redactor: redactor)
        case 429:
            return .rateLimited(retryAfter: retryAfter.flatMap(parseRetryAfter))
        case 500...599:
            return .server(status: status, body: message ?? summary)
        default:
            return .unexpectedStatus(status: status, body: message ?? summary)
        }
    }

    private static func validationError(
        body: Data, message: String?, envelope: ErrorEnvelope?, summary: () -> String, redactor: SecretRedactor
    ) -> PolarError {
        if let list = try? PolarCoding.decoder.decode(ValidationBody.self, from: Array(body)),
            !list.detail.isEmpty || list.count == 0
        {
            let issues = list.detail.map { issue in
                ValidationIssue(
                    loc: issue.loc, msg: String(redactor.clean(issue.msg).prefix(maxIssueMessageCharacters)),
                    type: issue.type)
            }
            return PolarError.validation(issues).redacting(redactor)
        }
        // A service error raised as a plain PolarError with status 422 carries one message.
        if let message {
            return .validation([ValidationIssue(loc: [], msg: message, type: envelope?.error ?? "validation")])
        }
        // A 422 body echoes the request's values (`input`), perhaps a secret, so its text is
        // shown only when it is an HTML page (a proxy's), as its title.
        let text = summary()
        if text.hasSuffix(ErrorBodySummary.htmlMark) {
            return .undecodableBody("a 422 answer without validation details: \(text)")
        }
        return .undecodableBody("a 422 answer without readable validation details")
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.isEmpty ? fallback : text
    }

    /// Whole seconds from a `retry-after` header; HTTP dates are not used by Polar.
    static func parseRetryAfter(_ value: String) -> Int? {
        guard let seconds = Int(value.trimmingWhitespaceAndNewlines()), seconds >= 0 else { return nil }
        return seconds
    }

    /// The error for a request that got no complete HTTP answer. `target` is `host:port`, for
    /// messages; `afterHead` says the status line had arrived and the body was being read.
    static func error(
        forTransportFailure error: any Error, target: String, viaProxy proxy: ProxyAddress?, afterHead: Bool = false
    ) -> PolarError {
        if let polarError = error as? PolarError { return polarError }
        if error is CancellationError || Task.isCancelled { return .cancelled }
        let place = proxy.map { "\(target) via proxy \($0)" } ?? target
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .cancelled: return .cancelled
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                .httpProxyHandshakeTimeout, .socksHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .timeout
            case .remoteConnectionClosed:
                return .connectionClosed(target: place, midAnswer: afterHead)
            case .proxyAuthenticationRequired:
                return .network("the proxy asked for credentials (HTTP 407) while connecting to \(place)")
            case .invalidProxyResponse:
                return .network("the proxy refused to connect to \(target)")
            case .alreadyShutdown:
                return .network("the client was already shut down")
            default:
                // The case name only: an HTTPClientError's description can carry request
                // values (`invalidHeaderFieldValues` quotes every header, the token too).
                return .network("\(caseName(of: clientError)) (\(place))")
            }
        }
        let text = String(describing: error)
        let lowered = text.lowercased()
        if lowered.contains("refused") {
            // Through a CONNECT proxy the only socket we open is the one to the proxy.
            if let proxy { return .network("connection refused by the proxy \(proxy) (for \(target))") }
            return .network("connection refused to \(target)")
        }
        if lowered.contains("reset by peer") || lowered.contains("connection reset") {
            return afterHead
                ? .connectionClosed(target: place, midAnswer: true) : .network("connection reset by \(place)")
        }
        // NIO's HTTP parser says "stream ended at an unexpected time" for a body cut short.
        if lowered.contains("eof") || lowered.contains("closed") || lowered.contains("ended at an unexpected time") {
            return .connectionClosed(target: place, midAnswer: afterHead)
        }
        if lowered.contains("timed out") || lowered.contains("timeout") { return .timeout }
        if lowered.contains("nodename nor servname") || lowered.contains("name or service not known")
            || lowered.contains("getaddrinfo") || lowered.contains("no address")
        {
            return .network("could not resolve the host of \(place)")
        }
        if lowered.contains("unreachable") { return .network("network unreachable for \(place)") }
        if lowered.contains("certificate") || lowered.contains("ssl") || lowered.contains("tls") {
            return .network("TLS failed with \(place): \(text.prefix(200))")
        }
        if afterHead { return .network("the answer from \(place) broke off: \(text.prefix(200))") }
        return .network("could not connect to \(place): \(text.prefix(200))")
    }

    /// `HTTPClientError.bodyLengthMismatch` from `HTTPClientError.bodyLengthMismatch(…)`.
    private static func caseName(of error: HTTPClientError) -> String {
        let text = String(describing: error)
        return String(text.prefix(while: { $0 != "(" && $0 != ":" }).prefix(80))
    }
}

/// The shapes of Polar's error bodies: `{"error","detail"}` and OAuth's `{"error","error_description"}`.
private struct ErrorEnvelope: Decodable {
    var error: String?
    var detail: String?
    var errorDescription: String?

    enum CodingKeys: String, CodingKey {
        case error, detail
        case errorDescription = "error_description"
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try? container.decodeIfPresent(String.self, forKey: .error)
        // In a 422 `detail` is a list; that is decoded separately.
        detail = try? container.decodeIfPresent(String.self, forKey: .detail)
        errorDescription = try? container.decodeIfPresent(String.self, forKey: .errorDescription)
    }

    var message: String? { detail ?? errorDescription }
}

/// A 422's `detail`, read issue by issue: an issue that cannot be read is skipped, and at
/// most ``ErrorMapping/maxValidationIssues`` are read.
private struct ValidationBody: Decodable {
    var detail: [ValidationIssue] = []
    /// How many entries the list had, readable or not.
    var count = 0

    enum CodingKeys: String, CodingKey {
        case detail
    }

    init(from decoder: Decoder) throws {
        var list = try decoder.container(keyedBy: CodingKeys.self).nestedUnkeyedContainer(forKey: .detail)
        count = list.count ?? 0
        while !list.isAtEnd, detail.count < ErrorMapping.maxValidationIssues {
            if try list.decodeNil() { continue }
            if case .readable(let issue) = try list.decode(LenientElement<ValidationIssue>.self) {
                detail.append(issue)
            }
        }
    }
}

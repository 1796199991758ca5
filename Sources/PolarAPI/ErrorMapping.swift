import AsyncHTTPClient
import Foundation
import NIOCore

/// Turns HTTP answers and transport failures into ``PolarError``s (CONTRACT §4).
enum ErrorMapping {
    /// The error for a non-2xx answer.
    static func error(status: Int, retryAfter: String?, body: Data) -> PolarError {
        let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: body)
        let text = String(decoding: body, as: UTF8.self).trimmingWhitespace()
        switch status {
        case 401:
            return .unauthorized(detail: envelope?.message ?? (text.isEmpty ? "Unauthorized" : text))
        case 403:
            let detail = envelope?.message ?? (text.isEmpty ? "Forbidden" : text)
            return envelope?.error == "insufficient_scope"
                ? .insufficientScope(detail: detail) : .forbidden(detail: detail)
        case 404:
            // Polar's own 404s name their class; a bare `{"detail":"Not Found"}` (or any body
            // without `error`) comes from the router or the version middleware.
            if let envelope, envelope.error != nil {
                return .notFound(detail: envelope.message ?? "Not found")
            }
            return .routeNotFound
        case 422:
            return validationError(body: body, envelope: envelope, text: text)
        case 429:
            return .rateLimited(retryAfter: retryAfter.flatMap(parseRetryAfter))
        case 500...599:
            return .server(status: status, body: text)
        default:
            return .unexpectedStatus(status: status, body: text)
        }
    }

    private static func validationError(body: Data, envelope: ErrorEnvelope?, text: String) -> PolarError {
        if let list = try? JSONDecoder().decode(ValidationBody.self, from: body) {
            return .validation(list.detail)
        }
        // A service error raised as a plain PolarError with status 422 carries one message.
        if let envelope, let message = envelope.message {
            return .validation([ValidationIssue(loc: [], msg: message, type: envelope.error ?? "validation")])
        }
        return .undecodableBody("a 422 answer without validation details: \(text.prefix(200))")
    }

    /// Whole seconds from a `retry-after` header; HTTP dates are not used by Polar.
    static func parseRetryAfter(_ value: String) -> Int? {
        guard let seconds = Int(value.trimmingWhitespace()), seconds >= 0 else { return nil }
        return seconds
    }

    /// The error for a request that got no HTTP answer. `target` is `host:port`, for messages.
    static func error(forTransportFailure error: any Error, target: String, viaProxy proxy: ProxyAddress?) -> PolarError
    {
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
                return .network("the connection to \(place) closed before an answer")
            case .proxyAuthenticationRequired:
                return .network("the proxy asked for credentials (HTTP 407) while connecting to \(place)")
            case .invalidProxyResponse:
                return .network("the proxy refused to connect to \(target)")
            case .alreadyShutdown:
                return .network("the client was already shut down")
            default:
                return .network("\(clientError) (\(place))")
            }
        }
        let text = String(describing: error)
        let lowered = text.lowercased()
        if lowered.contains("refused") {
            // Through a CONNECT proxy the only socket we open is the one to the proxy.
            if let proxy { return .network("connection refused by the proxy \(proxy) (for \(target))") }
            return .network("connection refused to \(target)")
        }
        if lowered.contains("reset by peer") { return .network("connection reset by \(place)") }
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
        return .network("could not connect to \(place): \(text.prefix(200))")
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

private struct ValidationBody: Decodable {
    var detail: [ValidationIssue]
}

extension PolarError {
    /// The same error with every occurrence of `secret` (the token) replaced, as a last line of
    /// defence: a server or proxy could echo the header back in a body we show.
    func redacting(_ secret: String) -> PolarError {
        guard secret.count >= 4 else { return self }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: secret, with: "[redacted]") }
        switch self {
        case .unauthorized(let detail): return .unauthorized(detail: clean(detail))
        case .insufficientScope(let detail): return .insufficientScope(detail: clean(detail))
        case .forbidden(let detail): return .forbidden(detail: clean(detail))
        case .notFound(let detail): return .notFound(detail: clean(detail))
        case .validation(let issues):
            return .validation(
                issues.map { ValidationIssue(loc: $0.loc, msg: clean($0.msg), type: $0.type) })
        case .server(let status, let body): return .server(status: status, body: clean(body))
        case .unexpectedStatus(let status, let body): return .unexpectedStatus(status: status, body: clean(body))
        case .network(let message): return .network(clean(message))
        case .undecodableBody(let message): return .undecodableBody(clean(message))
        case .routeNotFound, .rateLimited, .timeout, .cancelled: return self
        }
    }
}

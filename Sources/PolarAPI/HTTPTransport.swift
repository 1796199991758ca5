import AsyncHTTPClient
import FoundationEssentials
import NIOCore
import TextTools

/// One API call, before headers are added.
struct APIRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case patch = "PATCH"
        case delete = "DELETE"
    }

    var method: Method
    /// Starts with `/v1/`; every dynamic segment already percent-encoded.
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    /// Overrides the configured `Polar-Version` (a body carrying a merchant secret).
    var apiVersion: APIVersion?
    var repeatability: Repeatability

    /// The path and query as sent.
    var target: String {
        query.isEmpty
            ? path
            : path + "?"
                + query.map { "\(PercentEncoding.encode($0))=\(PercentEncoding.encode($1))" }
                .joined(separator: "&")
    }
}

/// A complete HTTP answer.
struct APIResponse: Sendable {
    var status: Int
    /// Header names lower-cased; a repeated header keeps its first value.
    var headers: [String: String]
    var body: Data
}

/// Sends single attempts over a shared `HTTPClient`; knows headers, timeouts and limits, not
/// retries.
///
/// Every wait is bounded by one deadline per attempt (`timeout`): the connection, the head
/// and the whole body, so a server that trickles an endless body is cut off like one that
/// never answers. A body is read up to ``maxBodyBytes`` and no further.
struct HTTPTransport: Sendable {
    let httpClient: HTTPClient
    let baseURL: String
    let token: String
    let apiVersion: APIVersion
    let timeout: Duration
    let proxy: ProxyAddress?
    /// The largest body read; a longer one ends in ``PolarError/answerTooLarge(limitBytes:)``.
    var maxBodyBytes = Self.defaultMaxBodyBytes

    /// A page of 100 deliveries, each with its event's payload, is a few MB; endpoints and
    /// organizations far less. 32 MiB leaves room for unusually large payloads and bounds
    /// what a hostile server can make us hold (times the paging window).
    static let defaultMaxBodyBytes = 32 * 1024 * 1024

    /// The `User-Agent` sent with every request.
    static let userAgent = "polar-hooks/\(PolarClient.version)"

    /// `host:port` of the base URL, for error messages.
    var targetDescription: String { URLTarget(baseURL)?.hostAndPort ?? baseURL }

    func headers(for request: APIRequest) -> [(String, String)] {
        var headers = [
            ("Authorization", "Bearer \(token)"),
            ("Polar-Version", (request.apiVersion ?? apiVersion).rawValue),
            ("Accept", "application/json"),
            ("User-Agent", Self.userAgent),
        ]
        if request.body != nil { headers.append(("Content-Type", "application/json")) }
        return headers
    }

    /// The first header that cannot be sent, as the error to throw, or nil. The token's
    /// problem is told in words that never contain it.
    func headerProblem(in headers: [(String, String)]) -> PolarError? {
        for (name, value) in headers {
            if name == "Authorization" {
                if let problem = HeaderValueCheck.problem(inAccessToken: token) {
                    return .invalidAccessToken(problem: problem)
                }
            } else if let problem = HeaderValueCheck.problem(inFieldValue: value) {
                return .invalidHeaderValue(name: name, problem: problem)
            }
        }
        return nil
    }

    /// One attempt. Any status comes back as a response; only a missing, broken, late or
    /// oversized answer throws.
    func perform(_ request: APIRequest) async throws(PolarError) -> APIResponse {
        if Task.isCancelled { throw .cancelled }
        let fields = headers(for: request)
        if let problem = headerProblem(in: fields) { throw problem }
        var httpRequest = HTTPClientRequest(url: baseURL + request.target)
        httpRequest.method = .init(rawValue: request.method.rawValue)
        for (name, value) in fields { httpRequest.headers.add(name: name, value: value) }
        if let body = request.body {
            httpRequest.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = ContinuousClock.now + timeout
        var headArrived = false
        do {
            let response = try await httpClient.execute(httpRequest, deadline: .now() + Self.timeAmount(timeout))
            headArrived = true
            var headers: [String: String] = [:]
            for (name, value) in response.headers where headers[name.lowercased()] == nil {
                headers[name.lowercased()] = value
            }
            if let declared = headers["content-length"].flatMap({ Int($0.trimmingWhitespaceAndNewlines()) }),
                declared > maxBodyBytes
            {
                throw PolarError.answerTooLarge(limitBytes: maxBodyBytes)
            }
            let body = try await Self.readBody(response.body, upTo: maxBodyBytes, before: deadline)
            return APIResponse(status: Int(response.status.code), headers: headers, body: body)
        } catch {
            throw ErrorMapping.error(
                forTransportFailure: error, target: targetDescription, viaProxy: proxy, afterHead: headArrived)
        }
    }

    /// The whole body, read until `deadline` and up to `limit` bytes; past either it throws
    /// ``PolarError/timeout`` or ``PolarError/answerTooLarge(limitBytes:)`` and the
    /// connection is dropped.
    static func readBody(
        _ body: HTTPClientResponse.Body, upTo limit: Int, before deadline: ContinuousClock.Instant
    ) async throws -> Data {
        try await withThrowingTaskGroup(of: Data?.self) { group in
            group.addTask {
                var collected = ByteBuffer()
                for try await chunk in body {
                    guard chunk.readableBytes <= limit - collected.readableBytes else {
                        throw PolarError.answerTooLarge(limitBytes: limit)
                    }
                    collected.writeImmutableBuffer(chunk)
                }
                // A cancelled read ends early; that is not a complete body.
                try Task.checkCancellation()
                return Data(collected.readableBytesView)
            }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let data = first else { throw PolarError.timeout }
            return data
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount { .nanoseconds(duration.nanoseconds) }
}

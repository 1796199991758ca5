import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

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

/// Sends single attempts over a shared `HTTPClient`; knows headers and timeouts, not retries.
struct HTTPTransport: Sendable {
    let httpClient: HTTPClient
    let baseURL: String
    let token: String
    let apiVersion: APIVersion
    let timeout: Duration
    let proxy: ProxyAddress?
    /// The largest body we read; a delivery page with 100 payloads stays far below it.
    static let maxBodyBytes = 64 * 1024 * 1024

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

    /// One attempt. Any status comes back as a response; only a missing answer throws.
    func perform(_ request: APIRequest) async throws(PolarError) -> APIResponse {
        if Task.isCancelled { throw .cancelled }
        var httpRequest = HTTPClientRequest(url: baseURL + request.target)
        httpRequest.method = .init(rawValue: request.method.rawValue)
        for (name, value) in headers(for: request) { httpRequest.headers.add(name: name, value: value) }
        if let body = request.body {
            httpRequest.body = .bytes(ByteBuffer(data: body))
        }
        do {
            let response = try await httpClient.execute(httpRequest, timeout: Self.timeAmount(timeout))
            var buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
            let data = buffer.readData(length: buffer.readableBytes) ?? Data()
            var headers: [String: String] = [:]
            for (name, value) in response.headers where headers[name.lowercased()] == nil {
                headers[name.lowercased()] = value
            }
            return APIResponse(status: Int(response.status.code), headers: headers, body: data)
        } catch {
            throw ErrorMapping.error(forTransportFailure: error, target: targetDescription, viaProxy: proxy)
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount { .nanoseconds(duration.nanoseconds) }
}

/// RFC 3986 percent-encoding for path segments and query values.
enum PercentEncoding {
    /// Unreserved characters only: everything else (`/`, `?`, `&`, `+`, `=`, `%`, …) is escaped.
    private static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

import Foundation
import PolarAPI
import TestSupport
import Testing

@testable import PolarEmulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An answer as the tests see it.
struct TestResponse {
    let status: Int
    /// Lower-cased names.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try PolarCoding.decoder.decode(type, from: Array(body))
    }

    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
    }
}

/// A running in-process emulator and a loopback HTTP client for it.
final class EmulatorHarness: Sendable {
    let emulator: PolarEmulator
    let baseURL: String

    static func start(_ options: EmulatorOptions = EmulatorOptions()) async throws -> EmulatorHarness {
        var options = options
        options.port = 0
        let emulator = try PolarEmulator(options: options)
        let baseURL = try await emulator.start()
        return EmulatorHarness(emulator: emulator, baseURL: baseURL)
    }

    /// A harness for an emulator someone else started (and will stop).
    static func attach(_ emulator: PolarEmulator, baseURL: String) async throws -> EmulatorHarness {
        EmulatorHarness(emulator: emulator, baseURL: baseURL)
    }

    private init(emulator: PolarEmulator, baseURL: String) {
        self.emulator = emulator
        self.baseURL = baseURL
    }

    func stop() async { await emulator.stop() }

    func send(
        _ method: String, _ path: String, token: String? = EmulatorTokens.organization,
        version: String? = nil,
        body: String? = nil, headers: [String: String] = [:]
    ) async throws -> TestResponse {
        guard let url = URL(string: baseURL + path) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let version { request.setValue(version, forHTTPHeaderField: "Polar-Version") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return TestResponse(status: http.statusCode, headers: headers, body: data)
    }

    func endpoints(_ query: String = "", token: String = EmulatorTokens.organization) async throws
        -> ListResource<WebhookEndpoint>
    {
        try await send("GET", "/v1/webhooks/endpoints" + query, token: token).decode(
            ListResource<WebhookEndpoint>.self)
    }

    func deliveries(_ query: String = "", token: String = EmulatorTokens.organization) async throws
        -> ListResource<WebhookDelivery>
    {
        let response = try await send("GET", "/v1/webhooks/deliveries" + query, token: token)
        #expect(response.status == 200, "\(response.text)")
        return try response.decode(ListResource<WebhookDelivery>.self)
    }

    /// Every delivery matching `filters` (e.g. `&succeeded=false`), newest first, page by page.
    func allDeliveries(_ filters: String = "", token: String = EmulatorTokens.organization) async throws
        -> [WebhookDelivery]
    {
        var items: [WebhookDelivery] = []
        for page in 1...50 {
            let list = try await deliveries("?limit=100&page=\(page)" + filters, token: token)
            items += list.items
            if page >= list.pagination.maxPage { break }
        }
        return items
    }

    func create(_ body: String, token: String = EmulatorTokens.organization, version: String? = nil)
        async throws -> TestResponse
    {
        try await send("POST", "/v1/webhooks/endpoints", token: token, version: version, body: body)
    }

    /// Waits, with a bounded poll, until `condition` holds.
    func waitUntil(
        _ what: String, attempts: Int = 800, _ condition: () async throws -> Bool
    ) async throws {
        for _ in 0..<attempts {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("Timed out waiting until \(what)")
    }
}

/// Runs `body` with a started emulator and always stops it.
nonisolated(nonsending) func withEmulator(
    _ options: EmulatorOptions = EmulatorOptions(),
    _ body: nonisolated(nonsending) (EmulatorHarness) async throws -> Void
) async throws {
    try await withCleanup(of: try await EmulatorHarness.start(options), body) { await $0.stop() }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import StandardWebhooks
import TestSupport
import WebhookListener

/// A started listener, its URL and an iterator over what it reports; stopped by `stop()`.
final class RunningListener {
    let listener: WebhookListener
    let url: String
    private var iterator: ReceivedWebhooks.AsyncIterator

    init(_ options: ListenerOptions) async throws {
        listener = try WebhookListener(options: options)
        url = try await listener.start()
        iterator = listener.webhooks.makeAsyncIterator()
    }

    /// The port the listener bound.
    var port: Int { URLComponents(string: url)?.port ?? 0 }

    /// The next webhook the listener reports (it reports each one before answering it), or nil
    /// when none comes within 20 seconds, so a regression fails the test instead of hanging it.
    func next() async -> ReceivedWebhook? {
        let timeout = Task { [listener] in
            try await Task.sleep(for: .seconds(20))
            // Ending the feed ends the wait below; the test then fails on the nil.
            await listener.stop()
        }
        defer { timeout.cancel() }
        return await iterator.next()
    }

    nonisolated(nonsending) func stop() async { await listener.stop() }

    /// Runs `body` with a started listener and always stops it afterwards.
    static func with<T>(_ options: ListenerOptions, _ body: (RunningListener) async throws -> T) async throws -> T {
        try await withCleanup(of: try await RunningListener(options), body) { await $0.stop() }
    }
}

/// What a test POST got back.
struct PostResult {
    var status: Int
    var body: String
    var contentType: String?
}

enum ListenerClient {
    static let client = HTTPClient(eventLoopGroupProvider: .singleton)

    /// A webhook signed the way Polar signs, as (headers, body).
    static func signed(
        secret: String, scheme: SigningScheme = .standard, id: String = "evt_test",
        body: String = #"{"type":"order.paid","timestamp":"2026-11-29T10:00:00Z","data":{"id":"ord_1"}}"#,
        at timestamp: Int = Int(Date().timeIntervalSince1970)
    ) throws -> (headers: [(String, String)], body: [UInt8]) {
        let bytes = Array(body.utf8)
        let signer = try WebhookSigner(secret: secret, scheme: scheme)
        let headers =
            [("content-type", "application/json"), ("user-agent", "polar.sh webhooks")]
            + signer.headers(id: id, timestamp: timestamp, body: bytes).map { ($0.name, $0.value) }
            + [("webhook-api-version", "2026-10")]
        return (headers, bytes)
    }

    /// The same webhook signed again for `timestamp`, as Polar signs each attempt.
    static func resigned(
        _ headers: [(String, String)], body: [UInt8], secret: String, at timestamp: Int
    ) throws -> [(String, String)] {
        let id = headers.first { $0.0 == "webhook-id" }?.1 ?? "evt_test"
        return try signed(secret: secret, id: id, body: String(decoding: body, as: UTF8.self), at: timestamp).headers
    }

    static func post(_ url: String, headers: [(String, String)], body: [UInt8]) async throws -> PostResult {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        return try await send(request)
    }

    static func get(_ url: String) async throws -> PostResult {
        try await send(HTTPClientRequest(url: url))
    }

    private static func send(_ request: HTTPClientRequest) async throws -> PostResult {
        let response = try await client.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 1 << 20)
        return PostResult(
            status: Int(response.status.code), body: String(buffer: body),
            contentType: response.headers.first(name: "content-type"))
    }
}

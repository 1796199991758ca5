import Foundation
import TestSupport

@testable import PolarAPI

/// JSON bodies shaped exactly like Polar's (CONTRACT §3).
enum Fixtures {
    static let token = "polar_oat_SECRETtoken0123456789"
    static let organizationId = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"

    static func endpointJSON(
        id: String = "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d", url: String = "https://example.com/hook",
        secret: String = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", standard: Bool = true
    ) -> String {
        """
        {"created_at":"2026-09-10T12:03:04.567890Z","modified_at":null,"id":"\(id)","url":"\(url)",\
        "name":"Production hook","api_version":"2026-04","format":"raw","secret":"\(secret)",\
        "organization_id":"\(organizationId)","events":["order.paid","subscription.updated"],"enabled":true,\
        "uses_standard_webhook_signature":\(standard)}
        """
    }

    static func deliveryJSON(id: String) -> String {
        """
        {"created_at":"2026-09-10T12:05:01.2Z","modified_at":null,"id":"\(id)","succeeded":false,"http_code":500,\
        "response":"Internal Error","webhook_event":{"created_at":"2026-09-10T12:05:00.001Z",\
        "modified_at":"2026-09-10T12:05:01.25Z","id":"0f9c2a1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b","last_http_code":500,\
        "succeeded":null,"skipped":false,"api_version":"2026-04","payload":"{}","type":"order.paid","is_archived":false}}
        """
    }

    static func list(_ items: [String], total: Int, maxPage: Int) -> String {
        "{\"items\":[\(items.joined(separator: ","))],\"pagination\":{\"total_count\":\(total),\"max_page\":\(maxPage)}}"
    }

    /// An endpoint id that names its page, so order can be checked.
    static func endpointId(page: Int, index: Int) -> String {
        String(format: "00000000-0000-4000-8000-%06d%06d", page, index)
    }
}

/// Records the waits the retry loop asks for, without waiting.
actor SleepRecorder {
    private(set) var waits: [Duration] = []

    nonisolated var sleeper: Sleeper {
        { duration in await self.append(duration) }
    }

    private func append(_ duration: Duration) { waits.append(duration) }
}

/// A fast policy for tests: four attempts, small backoff.
let testRetryPolicy = RetryPolicy(
    maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(2), maxRetryAfter: .seconds(30))

func makeClient(
    baseURL: String, token: String = Fixtures.token, apiVersion: APIVersion = .clientDefault,
    timeout: Duration = .seconds(10), retryPolicy: RetryPolicy = testRetryPolicy,
    sleep: @escaping Sleeper = { _ in }, environment: [String: String] = [:],
    pagingCeilings: PagingCeilings = PagingCeilings(),
    pageConcurrency: Int = 4, maxBodyBytes: Int = HTTPTransport.defaultMaxBodyBytes
) -> PolarClient {
    PolarClient(
        configuration: PolarClientConfiguration(
            environment: .custom(baseURL), token: token, apiVersion: apiVersion, timeout: timeout,
            retryPolicy: retryPolicy),
        httpClient: nil, environmentVariables: environment, sleep: sleep, unitRandom: { 0.5 },
        pageConcurrency: pageConcurrency, pagingCeilings: pagingCeilings, maxBodyBytes: maxBodyBytes)
}

/// Runs `body` with a stub server and a client aimed at it; both are stopped afterwards.
func withStub(
    retryPolicy: RetryPolicy = testRetryPolicy, timeout: Duration = .seconds(10), sleep: @escaping Sleeper = { _ in },
    pagingCeilings: PagingCeilings = PagingCeilings(), pageConcurrency: Int = 4,
    maxBodyBytes: Int = HTTPTransport.defaultMaxBodyBytes, _ handler: @escaping StubServer.Handler,
    _ body: (StubServer, PolarClient) async throws -> Void
) async throws {
    let server = try await StubServer.start(handler)
    let client = makeClient(
        baseURL: server.baseURL, timeout: timeout, retryPolicy: retryPolicy, sleep: sleep,
        pagingCeilings: pagingCeilings, pageConcurrency: pageConcurrency, maxBodyBytes: maxBodyBytes)
    try await withCleanup(of: client, { try await body(server, $0) }) { client in
        await client.shutdown()
        await server.stop()
    }
}

/// The PolarError a call throws, or nil if it succeeded.
func polarError<T>(_ operation: () async throws(PolarError) -> T) async -> PolarError? {
    do {
        _ = try await operation()
        return nil
    } catch {
        return error
    }
}

import Foundation
import Testing

@testable import PolarAPI

/// Which requests are sent again, when, and how long the client waits in between.
@Suite struct RetryTests {
    private static let unavailable = StubResponse(status: 503, body: "Service Unavailable")

    @Test func readRetriesAfter503ThenSucceeds() async throws {
        let recorder = SleepRecorder()
        try await withStub(
            sleep: recorder.sleeper,
            { _, number in
                number == 1 ? Self.unavailable : .json(200, Fixtures.endpointJSON())
            }
        ) { server, client in
            let endpoint = try await client.endpoint(id: "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d")
            #expect(endpoint.name == "Production hook")
            #expect(await server.log.count == 2)
        }
        // Base delay 100 ms with the jitter fixed at 0.5: 50 ms + 25 ms.
        #expect(await recorder.waits == [.milliseconds(75)])
    }

    @Test func readGivesUpAfterMaxAttempts() async throws {
        let recorder = SleepRecorder()
        try await withStub(sleep: recorder.sleeper, { _, _ in Self.unavailable }) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .server(status: 503, body: "Service Unavailable"))
            #expect(await server.log.count == testRetryPolicy.maxAttempts)
        }
        // Doubling each time: 100, 200, 400 ms bases, each at ¾ with the fixed jitter.
        #expect(await recorder.waits == [.milliseconds(75), .milliseconds(150), .milliseconds(300)])
    }

    @Test func internalServerErrorIsNotRetried() async throws {
        try await withStub({ _, _ in StubResponse(status: 500, body: "boom") }) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .server(status: 500, body: "boom"))
            #expect(await server.log.count == 1)
        }
    }

    @Test func createIsNeverRetried() async throws {
        let body = WebhookEndpointCreate(url: "https://example.com/hook", format: .raw, events: [])
        try await withStub({ _, _ in Self.unavailable }) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.createEndpoint(body) }
            #expect(error == .server(status: 503, body: "Service Unavailable"))
            #expect(await server.log.count == 1)
        }
    }

    @Test func createIsNotRetriedOn429Either() async throws {
        let body = WebhookEndpointCreate(url: "https://example.com/hook", format: .raw, events: [])
        try await withStub({ _, _ in StubResponse(status: 429, headers: ["retry-after": "1"]) }) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.createEndpoint(body) }
            #expect(error == .rateLimited(retryAfter: 1))
            #expect(await server.log.count == 1)
        }
    }

    @Test func redeliverAndResetSecretAreNeverRetried() async throws {
        try await withStub({ _, _ in Self.unavailable }) { server, client in
            _ = await polarError { () async throws(PolarError) in try await client.redeliver(eventId: "e") }
            _ = await polarError { () async throws(PolarError) in try await client.resetSecret(endpointId: "x") }
            #expect(await server.requests.map(\.method) == ["POST", "PATCH"])
        }
    }

    @Test func updateIsRetried() async throws {
        try await withStub({ _, number in
            number == 1 ? StubResponse(status: 502) : .json(200, Fixtures.endpointJSON())
        }) { server, client in
            _ = try await client.updateEndpoint(id: "x", WebhookEndpointUpdate(enabled: true))
            let requests = await server.requests
            #expect(requests.map(\.method) == ["PATCH", "PATCH"])
            #expect(requests[0].body == requests[1].body)
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        let recorder = SleepRecorder()
        try await withStub(
            sleep: recorder.sleeper,
            { _, number in
                number == 1
                    ? StubResponse(status: 429, headers: ["retry-after": "3"]) : .json(200, Fixtures.endpointJSON())
            }
        ) { server, client in
            _ = try await client.endpoint(id: "x")
            #expect(await server.log.count == 2)
        }
        #expect(await recorder.waits == [.seconds(3)])
    }

    @Test func retryAfterBeyondPolicyFailsAtOnce() async throws {
        let recorder = SleepRecorder()
        try await withStub(
            sleep: recorder.sleeper, { _, _ in StubResponse(status: 429, headers: ["retry-after": "31"]) }
        ) {
            server, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .rateLimited(retryAfter: 31))
            #expect(await server.log.count == 1)
        }
        #expect(await recorder.waits.isEmpty)
    }

    @Test func deleteAfterLostAnswerTreats404AsDone() async throws {
        try await withStub({ _, number in
            number == 1 ? Self.unavailable : .json(404, #"{"error":"ResourceNotFound","detail":"Not found"}"#)
        }) { server, client in
            try await client.deleteEndpoint(id: "x")
            #expect(await server.requests.map(\.method) == ["DELETE", "DELETE"])
        }
    }

    @Test func deleteOfUnknownEndpointIsNotFound() async throws {
        try await withStub({ _, _ in .json(404, #"{"error":"ResourceNotFound","detail":"Not found"}"#) }) {
            server, client in
            let error = await polarError { () async throws(PolarError) in try await client.deleteEndpoint(id: "x") }
            #expect(error == .notFound(detail: "Not found"))
            #expect(await server.log.count == 1)
        }
    }

    @Test func connectionErrorsAreRetried() async throws {
        let server = try await StubServer.start { _, _ in StubResponse(status: 200) }
        let baseURL = server.baseURL
        await server.stop()
        let recorder = SleepRecorder()
        // A refused connection fails at once; the long timeout only keeps a starved machine
        // from turning it into "did not answer in time".
        let client = makeClient(baseURL: baseURL, timeout: .seconds(60), sleep: recorder.sleeper)
        let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
        await client.shutdown()
        guard case .network = error else {
            Issue.record("expected a network error, got \(String(describing: error))")
            return
        }
        #expect(await recorder.waits.count == testRetryPolicy.maxAttempts - 1)
    }

    @Test func cancellationDuringBackoffEndsPromptly() async throws {
        // A real, long backoff: only cancellation can end the wait.
        let slowPolicy = RetryPolicy(
            maxAttempts: 3, baseDelay: .seconds(600), maxDelay: .seconds(600), maxRetryAfter: .seconds(30))
        let sleeping = Gate()
        let sleeper: Sleeper = { duration in
            await sleeping.open()
            try await Task.sleep(for: duration)
        }
        try await withStub(retryPolicy: slowPolicy, sleep: sleeper, { _, _ in Self.unavailable }) { server, client in
            let task = Task { await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") } }
            try await sleeping.waitUntilOpen()
            task.cancel()
            #expect(await task.value == .cancelled)
            #expect(await server.log.count == 1)
        }
    }

    @Test func backoffDoublesCapsAndJitters() {
        let policy = RetryPolicy(
            maxAttempts: 10, baseDelay: .milliseconds(250), maxDelay: .seconds(8), maxRetryAfter: .seconds(30))
        #expect(policy.backoff(afterAttempt: 1, unitRandom: 0) == .milliseconds(125))
        #expect(policy.backoff(afterAttempt: 1, unitRandom: 0.999_999) < .milliseconds(250))
        #expect(policy.backoff(afterAttempt: 3, unitRandom: 0) == .milliseconds(500))
        #expect(policy.backoff(afterAttempt: 9, unitRandom: 0) == .seconds(4))
        #expect(policy.backoff(afterAttempt: 60, unitRandom: 0.5) == .seconds(6))
    }

    @Test func decisionsFollowRepeatability() {
        let policy = RetryPolicy.default
        let unavailable = PolarError.server(status: 503, body: "")
        #expect(policy.decision(after: unavailable, attempt: 1, repeatability: .never, unitRandom: 0) == .fail)
        #expect(policy.decision(after: unavailable, attempt: 1, repeatability: .idempotent, unitRandom: 0) != .fail)
        #expect(policy.decision(after: unavailable, attempt: 4, repeatability: .idempotent, unitRandom: 0) == .fail)
        #expect(policy.decision(after: .timeout, attempt: 1, repeatability: .idempotent, unitRandom: 0) == .fail)
        #expect(
            policy.decision(after: .notFound(detail: ""), attempt: 1, repeatability: .deleteLike, unitRandom: 0)
                == .fail)
        #expect(
            policy.decision(after: .rateLimited(retryAfter: 5), attempt: 1, repeatability: .idempotent, unitRandom: 0)
                == .retry(after: .seconds(5)))
        #expect(
            RetryPolicy.none.decision(after: unavailable, attempt: 1, repeatability: .idempotent, unitRandom: 0)
                == .fail)
    }
}

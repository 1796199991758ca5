import Foundation
import Testing

@testable import PolarAPI

/// Every error body of CONTRACT §4, served over real HTTP, maps to its PolarError.
@Suite struct ErrorMappingTests {
    /// The error `GET /v1/webhooks/endpoints/{id}` throws when the stub answers `response`.
    private func errorFor(_ response: StubResponse, retryPolicy: RetryPolicy = .none) async throws -> PolarError? {
        var result: PolarError?
        try await withStub(retryPolicy: retryPolicy, { _, _ in response }) { _, client in
            result = await polarError { () async throws(PolarError) in try await client.endpoint(id: "abc") }
        }
        return result
    }

    @Test func unauthorizedWithoutCredentials() async throws {
        let error = try await errorFor(.json(401, #"{"error":"Unauthorized","detail":"Unauthorized"}"#))
        #expect(error == .unauthorized(detail: "Unauthorized"))
    }

    @Test func unauthorizedWithInvalidToken() async throws {
        let body =
            #"{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed, or invalid for other reasons."}"#
        let error = try await errorFor(.json(401, body))
        #expect(
            error
                == .unauthorized(
                    detail: "The access token provided is expired, revoked, malformed, or invalid for other reasons."))
    }

    @Test func insufficientScope() async throws {
        let body =
            #"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token."}"#
        let error = try await errorFor(.json(403, body))
        #expect(
            error
                == .insufficientScope(
                    detail: "The request requires higher privileges than provided by the access token."))
    }

    @Test func notPermittedIsForbidden() async throws {
        let error = try await errorFor(
            .json(403, #"{"error":"NotPermitted","detail":"You don't have permission to manage the organization"}"#))
        #expect(error == .forbidden(detail: "You don't have permission to manage the organization"))
    }

    @Test func otherForbiddenBodyIsForbidden() async throws {
        let error = try await errorFor(StubResponse(status: 403, body: "blocked by firewall"))
        #expect(error == .forbidden(detail: "blocked by firewall"))
    }

    @Test func resourceNotFound() async throws {
        let error = try await errorFor(.json(404, #"{"error":"ResourceNotFound","detail":"Not found"}"#))
        #expect(error == .notFound(detail: "Not found"))
    }

    @Test func routeNotFound() async throws {
        let error = try await errorFor(.json(404, #"{"detail":"Not Found"}"#))
        #expect(error == .routeNotFound)
    }

    @Test func validationKeepsEveryItem() async throws {
        let body = """
            {"error":"RequestValidationError","detail":[
            {"type":"url_scheme","loc":["body","url"],"msg":"URL scheme should be 'https'","input":"http://example.com/hook","ctx":{"expected_schemes":"'https'"}},
            {"type":"value_error","loc":["body","url"],"msg":"Value error, Webhook URLs cannot point to localhost or private IP addresses.","input":"https://10.0.0.1/hook","ctx":{"error":{}}},
            {"type":"missing","loc":["body","events"],"msg":"Field required","input":{"url":"https://example.com/hook"}},
            {"type":"uuid_parsing","loc":["path","id"],"msg":"Input should be a valid UUID","input":"abc"},
            {"type":"string_type","loc":["body","events",0],"msg":"Input should be a valid string","input":1}]}
            """
        let error = try await errorFor(.json(422, body))
        #expect(
            error
                == .validation([
                    ValidationIssue(loc: ["body", "url"], msg: "URL scheme should be 'https'", type: "url_scheme"),
                    ValidationIssue(
                        loc: ["body", "url"],
                        msg: "Value error, Webhook URLs cannot point to localhost or private IP addresses.",
                        type: "value_error"),
                    ValidationIssue(loc: ["body", "events"], msg: "Field required", type: "missing"),
                    ValidationIssue(loc: ["path", "id"], msg: "Input should be a valid UUID", type: "uuid_parsing"),
                    ValidationIssue(
                        loc: ["body", "events", 0], msg: "Input should be a valid string", type: "string_type"),
                ]))
        #expect(error?.issues(forField: "url").count == 2)
    }

    @Test func serviceLevelValidation() async throws {
        let body =
            #"{"error":"PolarRequestValidationError","detail":[{"type":"organization_token","loc":["body","organization_id"],"msg":"Setting organization_id is disallowed when using an organization token.","input":"x"}]}"#
        let error = try await errorFor(.json(422, body))
        #expect(error?.issues(forField: "organization_id").first?.type == "organization_token")
    }

    @Test func rateLimitedCarriesRetryAfter() async throws {
        let error = try await errorFor(StubResponse(status: 429, headers: ["retry-after": "17"]))
        #expect(error == .rateLimited(retryAfter: 17))
    }

    @Test func rateLimitedWithoutRetryAfter() async throws {
        let error = try await errorFor(StubResponse(status: 429))
        #expect(error == .rateLimited(retryAfter: nil))
    }

    @Test func serverErrorKeepsBodyAsText() async throws {
        let error = try await errorFor(StubResponse(status: 500, body: "Internal Server Error"))
        #expect(error == .server(status: 500, body: "Internal Server Error"))
    }

    @Test func undocumentedStatus() async throws {
        let error = try await errorFor(StubResponse(status: 418, body: "teapot"))
        #expect(error == .unexpectedStatus(status: 418, body: "teapot"))
    }

    @Test func undecodableSuccessBody() async throws {
        let error = try await errorFor(.json(200, #"{"id":"x"}"#))
        guard case .undecodableBody(let message) = error else {
            Issue.record("expected undecodableBody, got \(String(describing: error))")
            return
        }
        #expect(message.contains("missing"))
    }

    @Test func nonJSONSuccessBody() async throws {
        let error = try await errorFor(StubResponse(status: 200, body: "<html>hello</html>"))
        #expect(error == .undecodableBody("the endpoint: not JSON"))
    }

    @Test func connectionRefusedNamesTheAddress() async throws {
        // Port 1 (tcpmux) has no listener on any ordinary machine. A port freed by stopping a
        // server is no good: a test running beside this one may be handed it at once.
        let baseURL = "http://127.0.0.1:1"
        let client = makeClient(baseURL: baseURL, retryPolicy: .none)
        let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "abc") }
        await client.shutdown()
        let address = baseURL.replacingOccurrences(of: "http://", with: "")
        #expect(error == .network("connection refused to \(address)"))
        #expect(error?.description == "Could not reach the server: connection refused to \(address)")
    }

    @Test func slowAnswerTimesOut() async throws {
        var error: PolarError?
        try await withStub(
            retryPolicy: .none, timeout: .milliseconds(200),
            { _, _ in StubResponse(status: 200, body: "{}", delay: .seconds(1)) }
        ) { _, client in
            error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "abc") }
        }
        #expect(error == .timeout)
    }

    @Test func cancelledRequest() async throws {
        let gate = Gate()
        var error: PolarError?
        try await withStub(
            retryPolicy: .none,
            { _, _ in
                await gate.open()
                return StubResponse(status: 200, body: "{}", delay: .seconds(1))
            }
        ) { _, client in
            let task = Task { await polarError { () async throws(PolarError) in try await client.endpoint(id: "abc") } }
            try await gate.waitUntilOpen()
            task.cancel()
            error = await task.value
        }
        #expect(error == .cancelled)
    }

    @Test func tokenNeverAppearsInErrors() async throws {
        let token = Fixtures.token
        let echoes: [StubResponse] = [
            .json(401, #"{"error":"Unauthorized","detail":"bad token \#(token)"}"#),
            .json(403, #"{"error":"NotPermitted","detail":"\#(token)"}"#),
            .json(404, #"{"error":"ResourceNotFound","detail":"no \#(token)"}"#),
            .json(422, #"{"detail":[{"type":"x","loc":["header","authorization"],"msg":"Bearer \#(token)"}]}"#),
            StubResponse(status: 500, body: "Authorization: Bearer \(token)"),
            StubResponse(status: 400, body: token),
            StubResponse(status: 200, body: "not json \(token)"),
        ]
        for response in echoes {
            let error = try await errorFor(response)
            let description = try #require(error).description
            #expect(!description.contains(token), "leaked in: \(description)")
            #expect(!String(describing: error).contains(token))
        }
    }
}

/// Opens once; waiters poll it with a bound instead of sleeping blindly.
actor Gate {
    private(set) var isOpen = false

    func open() { isOpen = true }

    /// Waits until the gate is open, for at most ~10 s.
    func waitUntilOpen() async throws {
        for _ in 0..<1000 {
            if isOpen { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("gate never opened")
    }
}

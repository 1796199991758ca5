import Foundation
import Testing

@testable import PolarAPI

/// Answers a hostile or broken server could give over well-formed HTTP: escape sequences,
/// broken JSON, values of the wrong type or unknown to this version, huge bodies, absurd
/// waits. Each ends in a typed error or a correct (partial) result.
@Suite(.timeLimit(.minutes(2))) struct HostileServerTests {
    static let escapes = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{202E}"

    private static func escapedJSON(_ text: String) throws -> String {
        String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
    }

    @Test func escapeSequencesInEveryFieldStayIntactAsData() async throws {
        let escaped = try Self.escapedJSON("name" + Self.escapes)
        let endpoint = """
            {"created_at":"2026-09-10T12:03:04Z","modified_at":null,"id":\(try Self.escapedJSON("id" + Self.escapes)),\
            "url":\(try Self.escapedJSON("https://example.com/" + Self.escapes)),"name":\(escaped),\
            "api_version":\(try Self.escapedJSON("2026-04" + Self.escapes)),"format":\(try Self.escapedJSON("raw" + Self.escapes)),\
            "secret":\(try Self.escapedJSON("whsec_" + Self.escapes)),"organization_id":\(try Self.escapedJSON("org" + Self.escapes)),\
            "events":[\(try Self.escapedJSON("order.paid" + Self.escapes))],"enabled":true,"uses_standard_webhook_signature":false}
            """
        try await withStub({ _, _ in .json(200, endpoint) }) { _, client in
            let read = try await client.endpoint(id: "x")
            #expect(read.id == "id" + Self.escapes)
            #expect(read.url == "https://example.com/" + Self.escapes)
            #expect(read.name == "name" + Self.escapes)
            #expect(read.apiVersion.rawValue == "2026-04" + Self.escapes)
            #expect(read.format.rawValue == "raw" + Self.escapes)
            #expect(!read.format.isKnown)
            #expect(read.secret == "whsec_" + Self.escapes)
            #expect(read.organizationId == "org" + Self.escapes)
            #expect(read.events == [WebhookEventType(rawValue: "order.paid" + Self.escapes)])
        }
    }

    @Test func escapeSequencesInErrorBodiesAreKeptInTheErrorsFields() async throws {
        let detail = try Self.escapedJSON("Bad" + Self.escapes)
        let answers: [(StubResponse, PolarError)] = [
            (.json(401, #"{"error":"Unauthorized","detail":\#(detail)}"#), .unauthorized(detail: "Bad" + Self.escapes)),
            (.json(404, #"{"error":"ResourceNotFound","detail":\#(detail)}"#), .notFound(detail: "Bad" + Self.escapes)),
            (
                .json(422, #"{"detail":[{"type":"x","loc":["body","url"],"msg":\#(detail)}]}"#),
                .validation([ValidationIssue(loc: ["body", "url"], msg: "Bad" + Self.escapes, type: "x")])
            ),
            (StubResponse(status: 500, body: "Bad" + Self.escapes), .server(status: 500, body: "Bad" + Self.escapes)),
        ]
        for (answer, expected) in answers {
            try await withStub(retryPolicy: .none, { _, _ in answer }) { _, client in
                let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
                #expect(error == expected)
            }
        }
    }

    @Test(arguments: [
        "{", #"{"items":["#, #"{"items":[],"pagination":"#, "[]", "null", "\"text\"", "{}", "nul", "\u{0}\u{1}\u{2}",
    ])
    func malformedJSONIsATypedError(_ body: String) async throws {
        try await withStub({ _, _ in .json(200, body) }) { _, client in
            let single = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            let list = await polarError { () async throws(PolarError) in try await client.listEndpoints() }
            for error in [single, list] {
                guard case .undecodableBody = error else {
                    Issue.record("expected undecodableBody, got \(String(describing: error))")
                    continue
                }
            }
        }
    }

    @Test func anHTMLPageWithStatus200IsATypedError() async throws {
        let page = "<!DOCTYPE html><html><head><title>Login</title></head><body>Sign in</body></html>"
        try await withStub({ _, _ in StubResponse(status: 200, headers: ["content-type": "text/html"], body: page) }) {
            _, client in
            let error = await polarError { () async throws(PolarError) in try await client.allEndpoints() }
            #expect(error == .undecodableBody("the endpoint list: not JSON"))
        }
    }

    @Test func aTenMegabyteAnswerIsRead() async throws {
        let name = String(repeating: "n", count: 10 * 1024 * 1024)
        let body = Fixtures.endpointJSON().replacingOccurrences(of: "Production hook", with: name)
        // A generous timeout: the test is about size, and the whole suite may share two cores.
        try await withStub(timeout: .seconds(60), { _, _ in .json(200, body) }) { _, client in
            let endpoint = try await client.endpoint(id: "x")
            #expect(endpoint.name?.count == name.count)
        }
    }

    @Test func anAnswerOverTheLimitIsRefusedByItsLength() async throws {
        let body = String(repeating: "x", count: 2 * 1024 * 1024)
        try await withStub(maxBodyBytes: 1024 * 1024, { _, _ in .json(200, body) }) { _, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .answerTooLarge(limitBytes: 1024 * 1024))
            #expect(
                error?.description
                    == "The server's answer was larger than 1 MiB, the most this client reads; it was not read.")
        }
    }

    @Test func anUnknownFormatIsKeptAndWrittenBack() async throws {
        let json = Fixtures.endpointJSON(id: "json").replacingOccurrences(
            of: #""format":"raw""#, with: #""format":"json""#)
        try await withStub({ _, _ in .json(200, Fixtures.list([json], total: 1, maxPage: 1)) }) { _, client in
            let endpoints = try await client.allEndpoints()
            let endpoint = try #require(endpoints.first)
            #expect(endpoint.format == WebhookFormat(rawValue: "json"))
            #expect(!endpoint.format.isKnown)
            #expect(endpoints.unreadable.isEmpty)
            let encoded = String(decoding: try PolarCoding.answerEncoder.encode(endpoint), as: UTF8.self)
            #expect(encoded.contains(#""format":"json""#))
        }
    }

    @Test func knownFormatsAreStillTheOnlyOnesOffered() {
        #expect(WebhookFormat.allCases.map(\.rawValue) == ["raw", "discord", "slack"])
        #expect(WebhookFormat.allCases.allSatisfy { $0.isKnown })
        #expect(WebhookFormat(rawValue: "raw") == .raw)
    }

    @Test func itemsOfTheWrongShapeAreMarkedAndTheRestKept() async throws {
        let secret = "whsec_DO_NOT_SHOW_0123456789abcdefghij"
        let wrongType = Fixtures.endpointJSON(id: "wrong-type", secret: secret).replacingOccurrences(
            of: #""enabled":true"#, with: #""enabled":"yes""#)
        let missing = Fixtures.endpointJSON(id: "missing", secret: secret).replacingOccurrences(
            of: #""url":"https://example.com/hook","#, with: "")
        let badDate = Fixtures.endpointJSON(id: "bad-date", secret: secret).replacingOccurrences(
            of: "2026-09-10T12:03:04.567890Z", with: "yesterday \(secret)")
        let items = [
            Fixtures.endpointJSON(id: "first"), wrongType, "42", "null", #""just text""#, missing, badDate,
            #"{"id":12345}"#, Fixtures.endpointJSON(id: "last"),
        ]
        try await withStub({ _, _ in .json(200, Fixtures.list(items, total: 9, maxPage: 1)) }) { _, client in
            let page = try await client.listEndpoints()
            #expect(page.items.map(\.id) == ["first", "last"])
            #expect(
                page.unreadable.map(\.description) == [
                    "wrong-type: expected true or false at enabled",
                    "item 3: expected an object",
                    "item 4: null instead of an item",
                    "item 5: expected an object",
                    "missing: missing \"url\"",
                    "bad-date: not an RFC 3339 timestamp at created_at",
                    "12345: missing \"created_at\"",
                ])
            #expect(page.unreadable.map(\.index) == [1, 2, 3, 4, 5, 6, 7])
            for item in page.unreadable { #expect(!item.problem.contains("DO_NOT_SHOW")) }
        }
    }

    @Test func aSingleObjectThatCannotBeReadIsAnErrorInWords() async throws {
        let secret = "whsec_DO_NOT_SHOW_0123456789abcdefghij"
        let body = Fixtures.endpointJSON(secret: secret).replacingOccurrences(
            of: #""events":["order.paid","subscription.updated"]"#, with: #""events":[1]"#)
        try await withStub({ _, _ in .json(200, body) }) { _, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .undecodableBody("the endpoint: expected a string at events[0]"))
        }
    }

    @Test func retryAfterBeyondTheCapIsNotWaitedFor() async throws {
        let recorder = SleepRecorder()
        try await withStub(
            sleep: recorder.sleeper, { _, _ in StubResponse(status: 429, headers: ["retry-after": "999999"]) }
        ) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .rateLimited(retryAfter: 999_999))
            #expect(error?.description == "Too many requests; Polar asks to wait 999999 s (about 11 days).")
            #expect(await server.log.count == 1)
        }
        #expect(await recorder.waits.isEmpty)
    }

    @Test(arguments: ["99999999999999999999999999", "-5", "soon", "Wed, 21 Oct 2015 07:28:00 GMT"])
    func anUnreadableRetryAfterFallsBackToTheBoundedBackoff(_ value: String) async throws {
        let recorder = SleepRecorder()
        try await withStub(
            sleep: recorder.sleeper, { _, _ in StubResponse(status: 429, headers: ["retry-after": value]) }
        ) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            #expect(error == .rateLimited(retryAfter: nil))
            #expect(await server.log.count == testRetryPolicy.maxAttempts)
        }
        #expect(await recorder.waits.allSatisfy { $0 <= testRetryPolicy.maxDelay })
    }

    @Test func errorBodiesAreShownAsOneShortLine() async throws {
        let long = String(repeating: "stack frame ", count: 100)
        let answers: [(StubResponse, PolarError)] = [
            (
                StubResponse(status: 500, body: "Internal Server Error\nTraceback (most recent call last):\n  \(long)"),
                .server(status: 500, body: "Internal Server Error")
            ),
            (
                .json(500, #"{"error":"InternalServerError","detail":"Internal Server Error"}"#),
                .server(status: 500, body: "Internal Server Error")
            ),
            (
                StubResponse(
                    status: 503,
                    body: "<html><body><h1>503 Service Unavailable</h1>No server is available.</body></html>"),
                .server(status: 503, body: "503 Service Unavailable (an HTML page)")
            ),
            (
                StubResponse(status: 418, body: long),
                .unexpectedStatus(status: 418, body: String(long.prefix(199)) + "…")
            ),
        ]
        for (answer, expected) in answers {
            try await withStub(retryPolicy: .none, { _, _ in answer }) { _, client in
                let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
                #expect(error == expected)
            }
        }
    }

    @Test func aFloodOfValidationIssuesIsCut() async throws {
        let issue = #"{"type":"x","loc":["body","url"],"msg":"\#(String(repeating: "m", count: 5_000))"}"#
        let body = #"{"detail":[\#(Array(repeating: issue, count: 1_000).joined(separator: ","))]}"#
        try await withStub(retryPolicy: .none, timeout: .seconds(60), { _, _ in .json(422, body) }) { _, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            guard case .validation(let issues) = error else {
                Issue.record("expected validation, got \(String(describing: error))")
                return
            }
            #expect(issues.count == ErrorMapping.maxValidationIssues)
            #expect(issues.allSatisfy { $0.msg.count == ErrorMapping.maxIssueMessageCharacters })
        }
    }
}

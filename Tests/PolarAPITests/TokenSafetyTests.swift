import Foundation
import Testing
import TextTools

@testable import PolarAPI

/// The access token never leaves the client except in the `Authorization` header: a token
/// that cannot be sent is refused before any request, in words that never repeat it, and
/// whatever a server echoes back is removed from every error, in every form.
@Suite(.timeLimit(.minutes(2))) struct TokenSafetyTests {
    @Test(arguments: [
        ("polar_oat_MY\u{01}SECRET", "contains a control character (position 13)"),
        ("polar_oat_MYSECRET\n", "contains a line break (position 19)"),
        ("polar_oat_MY\r\nSECRET", "contains a line break (position 13)"),
        ("polar_oat_MY\tSECRET", "contains a control character (position 13)"),
        ("polar_oat_MY\u{7F}SECRET", "contains a control character (position 13)"),
        ("polar_oat_MY\u{85}SECRET", "contains a line break (position 13)"),
        ("polar_oat_MY SECRET", "contains a space (position 13)"),
        ("polar_oat_MY\u{200B}SECRET", "contains a character that is not plain ASCII (position 13)"),
        ("polar_oat_MY“SECRET", "contains a character that is not plain ASCII (position 13)"),
    ])
    func aTokenThatCannotBeSentIsRefusedBeforeAnyRequest(token: String, problem: String) async throws {
        let server = try await StubServer.start { _, _ in .json(200, Fixtures.endpointJSON()) }
        let client = makeClient(baseURL: server.baseURL, token: token)
        let single = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
        let list = await polarError { () async throws(PolarError) in try await client.allEndpoints() }
        await client.shutdown()
        #expect(await server.log.count == 0)
        await server.stop()
        #expect(single == .invalidAccessToken(problem: problem))
        #expect(list == .invalidAccessToken(problem: problem))
        #expect(single?.description == "The access token \(problem); paste it again.")
        #expect(single?.isAuthentication == true)
        let configuration = PolarClientConfiguration(environment: .custom(server.baseURL), token: token)
        #expect(configuration.accessTokenProblem == .invalidAccessToken(problem: problem))
    }

    @Test func anOrdinaryTokenHasNoProblem() {
        let configuration = PolarClientConfiguration(environment: .sandbox, token: Fixtures.token)
        #expect(configuration.accessTokenProblem == nil)
    }

    @Test func aPolarVersionThatCannotBeSentIsRefused() async throws {
        let server = try await StubServer.start { _, _ in .json(200, Fixtures.endpointJSON()) }
        let client = makeClient(baseURL: server.baseURL, apiVersion: "2026-04\r\nX-Injected: 1")
        let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
        await client.shutdown()
        #expect(await server.log.count == 0)
        await server.stop()
        #expect(error == .invalidHeaderValue(name: "Polar-Version", problem: "contains a line break (position 8)"))
    }

    /// Every way a server can put the token in front of the client, on every kind of error.
    @Test func echoedTokensAreRemovedFromEveryError() async throws {
        let token = Fixtures.token
        let jsonEscaped = token.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        let padding = String(repeating: "p", count: ErrorBodySummary.maxCharacters - 5)
        let answers: [StubResponse] = [
            .json(401, #"{"error":"Unauthorized","detail":"bad token \#(token)"}"#),
            .json(401, #"{"error":"invalid_token","error_description":"\#(jsonEscaped)"}"#),
            .json(403, #"{"error":"NotPermitted","detail":"\#(token)"}"#),
            .json(404, #"{"error":"ResourceNotFound","detail":"no \#(token)"}"#),
            .json(422, #"{"detail":[{"type":"\#(token)","loc":["header","\#(token)"],"msg":"Bearer \#(token)"}]}"#),
            .json(422, #"{"error":"PolarRequestValidationError","detail":"\#(token)"}"#),
            .json(422, #"{"detail":"\#(token)"#),
            StubResponse(status: 500, body: "Authorization: Bearer \(token)"),
            StubResponse(status: 500, body: "\(padding)\(token)"),
            StubResponse(status: 502, body: "<html><title>\(token)</title></html>"),
            StubResponse(status: 502, body: "<html><body><p>\(padding)\(token)</p></body></html>"),
            StubResponse(status: 400, body: PercentEncoding.encode("Bearer " + token + "/")),
            StubResponse(status: 200, body: "not json \(token)"),
        ]
        for answer in answers {
            try await withStub(retryPolicy: .none, { _, _ in answer }) { _, client in
                let errors = [
                    await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") },
                    await polarError { () async throws(PolarError) in try await client.allEndpoints() },
                ]
                for error in errors {
                    let text = String(describing: try #require(error))
                    #expect(!text.contains(token), "leaked in: \(text)")
                    #expect(!text.contains(String(token.prefix(12))), "part leaked in: \(text)")
                    #expect(!String(reflecting: error).contains(String(token.prefix(12))))
                }
            }
        }
    }

    @Test func anUnreadableItemWhoseIDIsTheTokenDoesNotShowIt() async throws {
        let item = #"{"id":"\#(Fixtures.token)","enabled":"yes"}"#
        try await withStub({ _, _ in .json(200, Fixtures.list([item], total: 1, maxPage: 1)) }) { _, client in
            let endpoints = try await client.allEndpoints()
            #expect(endpoints.unreadable.map(\.id) == ["[redacted]"])
        }
    }

    @Test func aTokenEscapedTheWayALibraryPrintsItIsRedactedToo() {
        let token = "polar_oat_MY\u{01}SECRET"
        let library = "HTTPClientError.invalidHeaderFieldValues([\(String(reflecting: "Bearer " + token))])"
        let error = PolarError.network(library).redacting(token)
        #expect(!error.description.contains("SECRET"), "\(error)")
    }
}

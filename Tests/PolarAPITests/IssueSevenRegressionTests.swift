import Foundation
import Testing

@testable import PolarAPI

/// The client-side findings of issue 7 (items 2, 5, 7 and 9), each as first reported.
/// Written against the client's public shape of the time, so that they ran (and failed)
/// before the fixes too.
@Suite(.timeLimit(.minutes(2))) struct IssueSevenRegressionTests {
    /// Item 2: `max_page` and `total_count` of a billion, the same endpoint on every page.
    @Test func aServerLyingAboutPagingIsNotFollowed() async throws {
        let lie = Fixtures.list([Fixtures.endpointJSON(id: "same")], total: 1_000_000_000, maxPage: 1_000_000_000)
        var ids: [String] = []
        var thrown: (any Error)?
        try await withStub({ _, number in
            // A guard for the test itself: an unfixed client would page forever.
            number > 300 ? StubResponse(status: 500, body: "test guard") : .json(200, lie)
        }) { server, client in
            do {
                for try await page in client.endpointPages() { ids += page.items.map(\.id) }
            } catch {
                thrown = error
            }
            let requests = await server.log.count
            #expect(requests <= 10, "requests made: \(requests)")
        }
        #expect(ids == ["same"])
        let description = String(describing: try #require(thrown as? PolarError))
        #expect(description.contains("1000000000"), "\(description)")
        #expect(description.contains("repeated"), "\(description)")
    }

    /// Item 7: one endpoint with a format this version does not know, one with a field of the
    /// wrong type; the others must still be listed.
    @Test func oneUnknownValueDoesNotHideTheList() async throws {
        let good = Fixtures.endpointJSON(id: "good")
        let json = Fixtures.endpointJSON(id: "json").replacingOccurrences(
            of: #""format":"raw""#, with: #""format":"json""#)
        let broken = Fixtures.endpointJSON(id: "broken").replacingOccurrences(
            of: #""enabled":true"#, with: #""enabled":"yes""#)
        try await withStub({ _, _ in .json(200, Fixtures.list([good, json, broken], total: 3, maxPage: 1)) }) {
            _, client in
            let endpoints = try await client.allEndpoints()
            #expect(endpoints.map(\.id) == ["good", "json"])
            #expect(endpoints.map(\.format.rawValue) == ["raw", "json"])
        }
    }

    /// Item 5: a token with a control character is refused before any request, in words that
    /// never repeat it.
    @Test func aTokenWithAControlCharacterIsRefusedWithoutEchoingIt() async throws {
        let server = try await StubServer.start { _, _ in .json(200, Fixtures.endpointJSON()) }
        let client = makeClient(baseURL: server.baseURL, token: "polar_oat_MY\u{01}SECRET")
        let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
        await client.shutdown()
        #expect(await server.log.count == 0)
        await server.stop()
        let description = String(describing: try #require(error))
        #expect(!description.contains("SECRET"), "\(description)")
        #expect(!description.contains("polar_oat_MY"), "\(description)")
        #expect(description.contains("control character"), "\(description)")
    }

    /// Item 9: a connection closed before any answer is not "could not connect".
    @Test func aClosedConnectionIsReportedAsClosed() async throws {
        try await withRawServer({ connection in connection.readHead() }) { _, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            let description = String(describing: try #require(error))
            #expect(description.contains("closed the connection"), "\(description)")
            #expect(!description.lowercased().contains("could not connect"), "\(description)")
            #expect(!description.lowercased().contains("could not reach"), "\(description)")
        }
    }

    /// Item 9: "Polar" keeps its capital after the command line lowers a message's first letter.
    @Test func serverErrorsKeepPolarCapitalisedAsAFragment() async throws {
        try await withStub({ _, _ in StubResponse(status: 500, body: "Internal Server Error") }) { _, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            let fragment = Self.commandLineFragment(String(describing: try #require(error)))
            #expect(fragment.contains("Polar"), "\(fragment)")
            #expect(!fragment.contains("polar"), "\(fragment)")
        }
    }

    /// An HTML error page from a proxy is summarised, not shown as markup.
    @Test func anHTMLErrorPageIsSummarised() async throws {
        let page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>502 Bad Gateway</title>
            <style>body { font-family: sans-serif; margin: 4em; color: #333 }</style></head>
            <body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p>
            <hr><address>nginx/1.25.3</address></body></html>
            """
        try await withStub({ _, _ in StubResponse(status: 502, headers: ["content-type": "text/html"], body: page) }) {
            _, client in
            let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
            let description = String(describing: try #require(error))
            #expect(!description.contains("<"), "\(description)")
            #expect(description.contains("502 Bad Gateway"), "\(description)")
            #expect(description.count < 120, "\(description)")
        }
    }

    /// What the command line prints after "error: " (polar-hooks `PolarHooks.fragment`).
    static func commandLineFragment(_ message: String) -> String {
        var text = message
        let start = text.prefix(2)
        if start.count == 2, start.first?.isUppercase == true, start.last?.isLowercase == true {
            text = text.prefix(1).lowercased() + text.dropFirst()
        }
        return text
    }
}

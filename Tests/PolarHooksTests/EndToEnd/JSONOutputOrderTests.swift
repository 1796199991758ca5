import Foundation
import PolarAPI
import PolarEmulator
import PolarJSON
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Every `--json` output holds the server's objects in the server's key order, byte for byte
/// the same on every run: each is compared with the emulator's own answer, parsed by a parser
/// that keeps key order (`JSONValue` equality compares the order too).
@Suite struct JSONOutputOrderTests {
    /// The emulator's answer to a GET, as the server wrote it.
    static func serverJSON(_ fixture: EmulatorFixture, _ path: String) async throws -> (text: String, value: JSONValue)
    {
        let url = try #require(URL(string: fixture.baseURL + path))
        var request = URLRequest(url: url)
        request.setValue("Bearer \(EmulatorTokens.organization)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(path)")
        return (String(decoding: data, as: UTF8.self), try JSONParser.parse(Array(data)))
    }

    /// A command's `--json` output, parsed.
    static func printed(_ result: CommandResult) throws -> JSONValue {
        #expect(result.status == 0, "\(result)")
        return try JSONParser.parse(Array(result.stdout.utf8))
    }

    static func items(of page: JSONValue) -> [JSONValue] {
        if case .array(let items)? = page["items"] { return items }
        return []
    }

    /// Every item of a list, page by page, as the server wrote them.
    static func serverItems(_ fixture: EmulatorFixture, _ path: String) async throws -> [JSONValue] {
        var all: [JSONValue] = []
        for page in 1...50 {
            let answer = try await serverJSON(fixture, "\(path)?limit=100&page=\(page)").value
            all += items(of: answer)
            guard case .int(let maxPage)? = answer["pagination"]?["max_page"], page < maxPage else { break }
        }
        return all
    }

    static func id(of value: JSONValue) -> String? { value["id"]?.stringValue }

    @Test func getPrintsIdenticalBytesEveryRunInTheOrderOfTheList() async throws {
        try await EmulatorFixture.with { fixture in
            let endpoint = try await fixture.endpoint(named: "Order fulfilment")
            let first = try await fixture.run(["endpoints", "get", endpoint.id, "--json"])
            #expect(first.status == 0, "\(first)")
            for _ in 1..<20 {
                let again = try await fixture.run(["endpoints", "get", endpoint.id, "--json"])
                #expect(again.stdout == first.stdout)
            }
            // The server's object, re-indented by the same printer, is exactly what was printed.
            let server = try await Self.serverJSON(fixture, "/v1/webhooks/endpoints/\(endpoint.id)")
            #expect(first.stdout == (JSONPrettyPrinter.indent(server.text) ?? "") + "\n")
            #expect(try Self.printed(first) == server.value)

            let listed = try Self.printed(try await fixture.run(["endpoints", "list", "--json"]))
            guard case .array(let all) = listed else {
                Issue.record("list --json is not an array")
                return
            }
            #expect(all.first { Self.id(of: $0) == endpoint.id } == server.value)
        }
    }

    @Test func listAndDeliveriesAreTheServersItemsInTheServersOrder() async throws {
        try await EmulatorFixture.with { fixture in
            #expect(
                try Self.printed(try await fixture.run(["endpoints", "list", "--json"]))
                    == .array(try await Self.serverItems(fixture, "/v1/webhooks/endpoints")))
            let deliveries = try await Self.serverItems(fixture, "/v1/webhooks/deliveries")
            #expect(deliveries.count > 100, "several pages")
            #expect(
                try Self.printed(try await fixture.run(["deliveries", "list", "--json"])) == .array(deliveries))
        }
    }

    @Test func createUpdateAndResetSecretPrintTheServersObject() async throws {
        try await EmulatorFixture.with { fixture in
            let created = try Self.printed(
                try await fixture.run([
                    "endpoints", "create", "--url", "https://example.com/order-test", "--format", "raw", "--event",
                    "order.paid", "--name", "Order test", "--json",
                ]))
            let id = try #require(Self.id(of: created))
            #expect(created == (try await Self.serverJSON(fixture, "/v1/webhooks/endpoints/\(id)")).value)

            let updated = try Self.printed(
                try await fixture.run(["endpoints", "update", id, "--name", "Renamed", "--disable", "--json"]))
            #expect(updated["name"] == "Renamed")
            #expect(updated == (try await Self.serverJSON(fixture, "/v1/webhooks/endpoints/\(id)")).value)

            let reset = try Self.printed(try await fixture.run(["endpoints", "reset-secret", id, "--yes", "--json"]))
            #expect(reset["secret"] != created["secret"])
            #expect(reset == (try await Self.serverJSON(fixture, "/v1/webhooks/endpoints/\(id)")).value)
        }
    }
}

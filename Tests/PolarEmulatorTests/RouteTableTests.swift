import Testing

@testable import PolarEmulator

@Suite struct RouteTableTests {
    private static let table = RouteTable(routes: [
        .admin("GET", "/things") { _ in HTTPAnswer(status: 200, json: "list") },
        .admin("POST", "/things") { _ in HTTPAnswer(status: 201, json: "made") },
        .admin("GET", "/things/{id}/parts/{part}") { _ in HTTPAnswer(status: 200, json: "part") },
    ])

    @Test func matchesPatternsAndTellsNotFoundFromWrongMethod() {
        guard case .found(let route, let parameters) = Self.table.match(method: "GET", path: "/things/7/parts/x/")
        else {
            Issue.record("no match")
            return
        }
        #expect(route.method == "GET" && parameters == ["id": "7", "part": "x"])
        guard case .found = Self.table.match(method: "POST", path: "/things") else {
            Issue.record("no match for POST")
            return
        }
        guard case .methodNotAllowed = Self.table.match(method: "DELETE", path: "/things") else {
            Issue.record("DELETE /things should be 405")
            return
        }
        guard case .notFound = Self.table.match(method: "GET", path: "/things/7/parts") else {
            Issue.record("a shorter path should be 404")
            return
        }
    }

    /// Every route of the real table, driven over HTTP: without a token Polar's routes answer
    /// 401; the read-only token passes the reads and gets 403 on the writes.
    @Test func everyDeclaredRouteChecksItsScope() async throws {
        try await withEmulator { harness in
            let emulator = harness.emulator
            let table = EmulatorRoutes.table(
                api: EmulatorAPI(
                    store: emulator.store, worker: emulator.worker, urlRules: URLValidation(allowInsecure: false),
                    startedAt: emulator.startedAt),
                admin: AdminRoutes(
                    store: emulator.store, worker: emulator.worker, initialState: { StoreSnapshot() },
                    counters: TrafficCounters()))
            #expect(table.routes.count == 12)
            for route in table.routes {
                let path = PathPatternTestSupport.concrete(route.pattern)
                let body = ["POST", "PATCH", "PUT"].contains(route.method) ? "{}" : nil
                switch route.handler {
                case .admin:
                    continue
                case .api(let scope, _):
                    let anonymous = try await harness.send(route.method, path, token: nil, body: body)
                    #expect(anonymous.status == 401, "\(route.method) \(path)")
                    let readOnly = try await harness.send(
                        route.method, path, token: EmulatorTokens.readOnly, body: body)
                    if scope == .write {
                        #expect(readOnly.status == 403, "\(route.method) \(path)")
                    } else {
                        // Past the scope check: a list answers, an unknown id is 404.
                        #expect([200, 404].contains(readOnly.status), "\(route.method) \(path): \(readOnly.text)")
                    }
                }
            }
        }
    }
}

enum PathPatternTestSupport {
    /// The pattern with every `{name}` replaced by a valid, unknown UUID4.
    static func concrete(_ pattern: PathPattern) -> String {
        "/"
            + pattern.segments.map {
                switch $0 {
                case .literal(let text): text
                case .parameter: "0b0c0d0e-1111-4222-8333-444455556666"
                }
            }.joined(separator: "/")
    }
}

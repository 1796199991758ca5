import Foundation
import Testing

@testable import PolarAPI

/// Pages come back in server order even though all but the first are fetched concurrently.
@Suite struct PagingTests {
    /// Tracks requests in flight so the test can see the concurrency bound.
    actor InFlight {
        private(set) var current = 0
        private(set) var peak = 0
        private(set) var startedPages: Set<Int> = []

        func begin(page: Int) {
            current += 1
            peak = max(peak, current)
            startedPages.insert(page)
        }

        func end() { current -= 1 }
    }

    private static func page(_ number: Int, of maxPage: Int, size: Int = 2) -> StubResponse {
        let items = (0..<size).map { Fixtures.endpointJSON(id: Fixtures.endpointId(page: number, index: $0)) }
        return .json(200, Fixtures.list(items, total: maxPage * size, maxPage: maxPage))
    }

    @Test func pagesArriveInOrderWhileFetchedConcurrently() async throws {
        let maxPage = 9
        let inFlight = InFlight()
        var pageNumbers: [Int] = []
        var ids: [String] = []
        try await withStub({ request, _ in
            let page = Int(request.query("page").first ?? "") ?? 0
            await inFlight.begin(page: page)
            // Page 2 answers only once pages 3, 4 and 5 were asked for: proof that they were
            // requested before page 2 came back, and that 3–5 are answered first.
            if page == 2 {
                for _ in 0..<1000 where await inFlight.startedPages.isSuperset(of: [3, 4, 5]) == false {
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            await inFlight.end()
            return Self.page(page, of: maxPage)
        }) { server, client in
            for try await page in client.endpointPages(pageSize: 2) {
                let first = try #require(page.items.first)
                pageNumbers.append(Int(first.id.suffix(12).prefix(6)) ?? -1)
                ids += page.items.map(\.id)
            }
            #expect(await server.log.count == maxPage)
        }
        #expect(pageNumbers == Array(1...maxPage))
        #expect(ids == (1...maxPage).flatMap { page in (0..<2).map { Fixtures.endpointId(page: page, index: $0) } })
        #expect(await inFlight.startedPages.isSuperset(of: [3, 4, 5]))
        // Pages 2–5 were in flight together, and never more than the bound of 4.
        #expect(await inFlight.peak == 4)
    }

    @Test func allEndpointsCollectsEveryItemInOrder() async throws {
        var endpoints: [WebhookEndpoint] = []
        try await withStub({ request, _ in
            Self.page(Int(request.query("page").first ?? "") ?? 0, of: 5, size: 3)
        }) { _, client in
            endpoints = try await client.allEndpoints(pageSize: 3)
        }
        #expect(endpoints.map(\.id) == (1...5).flatMap { page in (0..<3).map { Fixtures.endpointId(page: page, index: $0) } })
    }

    @Test func emptyListIsOnePage() async throws {
        try await withStub({ _, _ in .json(200, Fixtures.list([], total: 0, maxPage: 0)) }) { server, client in
            var pages = 0
            for try await page in client.deliveryPages() {
                pages += 1
                #expect(page.items.isEmpty)
            }
            #expect(pages == 1)
            #expect(await server.log.count == 1)
        }
    }

    @Test func firstErrorEndsTheStream() async throws {
        var yielded: [Int] = []
        var thrown: (any Error)?
        try await withStub(retryPolicy: .none, { request, _ in
            let page = Int(request.query("page").first ?? "") ?? 0
            return page == 3 ? StubResponse(status: 500, body: "page 3 broke") : Self.page(page, of: 6)
        }) { _, client in
            do {
                for try await page in client.endpointPages(pageSize: 2) {
                    yielded.append(Int(page.items[0].id.suffix(12).prefix(6)) ?? -1)
                }
            } catch {
                thrown = error
            }
        }
        #expect(thrown as? PolarError == .server(status: 500, body: "page 3 broke"))
        // Whatever came before the failure came in order, and nothing from page 3 on.
        #expect(yielded == Array(1...yielded.count))
        #expect(yielded.count <= 2)
    }

    @Test func collectingSurfacesTheTypedError() async throws {
        try await withStub(retryPolicy: .none, { _, _ in .json(401, #"{"error":"Unauthorized","detail":"Unauthorized"}"#) }) {
            _, client in
            let error = await polarError { () async throws(PolarError) in try await client.allDeliveries() }
            #expect(error == .unauthorized(detail: "Unauthorized"))
        }
    }

    @Test func deliveryPagesSendTheFilterOnEveryPage() async throws {
        var seen: [RecordedRequest] = []
        try await withStub({ request, _ in
            let page = Int(request.query("page").first ?? "") ?? 0
            return .json(200, Fixtures.list([Fixtures.deliveryJSON(id: "d\(page)")], total: 3, maxPage: 3))
        }) { server, client in
            let deliveries = try await client.allDeliveries(DeliveryFilter(endpointIds: ["e1"], succeeded: true), pageSize: 1)
            #expect(deliveries.map(\.id) == ["d1", "d2", "d3"])
            seen = await server.requests
        }
        #expect(seen.allSatisfy { $0.query("endpoint_id") == ["e1"] && $0.query("succeeded") == ["true"] })
        #expect(seen.allSatisfy { $0.query("limit") == ["1"] })
    }

    @Test func cancellingTheCollectorEndsPromptly() async throws {
        let asked = Gate()
        let release = Gate()
        try await withStub({ request, _ in
            let page = Int(request.query("page").first ?? "") ?? 0
            if page > 1 {
                await asked.open()
                // Held until the test is over; the client must not wait for it.
                try? await release.waitUntilOpen()
            }
            return Self.page(page, of: 20)
        }) { _, client in
            let task = Task { await polarError { () async throws(PolarError) in try await client.allEndpoints(pageSize: 2) } }
            try await asked.waitUntilOpen()
            task.cancel()
            #expect(await task.value == .cancelled)
            await release.open()
        }
    }
}

import Foundation
import Testing

@testable import PolarAPI

/// Pages come back in server order even though all but the first are fetched concurrently.
@Suite struct PagingTests {
    /// Which pages were asked for and answered, as the stub saw it.
    actor PageLog {
        private(set) var started: Set<Int> = []
        private(set) var finished: Set<Int> = []
        /// The pages started when page 2 was about to be answered.
        private(set) var startedBeforePage2Returned: Set<Int> = []

        func begin(_ page: Int) { started.insert(page) }
        func end(_ page: Int) {
            finished.insert(page)
            if page == 2 { startedBeforePage2Returned = started }
        }
    }

    private static func page(_ number: Int, of maxPage: Int, size: Int = 2) -> StubResponse {
        let items = (0..<size).map { Fixtures.endpointJSON(id: Fixtures.endpointId(page: number, index: $0)) }
        return .json(200, Fixtures.list(items, total: maxPage * size, maxPage: maxPage))
    }

    @Test func pagesArriveInOrderWhileFetchedConcurrently() async throws {
        let maxPage = 9
        let pageLog = PageLog()
        var pageNumbers: [Int] = []
        var ids: [String] = []
        try await withStub({ request, _ in
            let page = Int(request.query("page").first ?? "") ?? 0
            await pageLog.begin(page)
            // Page 2 answers only after pages 3, 4 and 5 were answered: they must have been
            // requested concurrently, and the client must still yield page 2 first.
            if page == 2 {
                for _ in 0..<1000 where await pageLog.finished.isSuperset(of: [3, 4, 5]) == false {
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            await pageLog.end(page)
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
        // While page 2 was outstanding, exactly the window of four (pages 2–5) had been asked for.
        #expect(await pageLog.startedBeforePage2Returned == [1, 2, 3, 4, 5])
    }

    @Test func allEndpointsCollectsEveryItemInOrder() async throws {
        var endpoints: [WebhookEndpoint] = []
        try await withStub({ request, _ in
            Self.page(Int(request.query("page").first ?? "") ?? 0, of: 5, size: 3)
        }) { _, client in
            endpoints = try await client.allEndpoints(pageSize: 3).items
        }
        #expect(
            endpoints.map(\.id)
                == (1...5).flatMap { page in (0..<3).map { Fixtures.endpointId(page: page, index: $0) } })
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
        try await withStub(
            retryPolicy: .none,
            { request, _ in
                let page = Int(request.query("page").first ?? "") ?? 0
                return page == 3 ? StubResponse(status: 500, body: "page 3 broke") : Self.page(page, of: 6)
            }
        ) { _, client in
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
        try await withStub(
            retryPolicy: .none, { _, _ in .json(401, #"{"error":"Unauthorized","detail":"Unauthorized"}"#) }
        ) {
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
            let deliveries = try await client.allDeliveries(
                DeliveryFilter(endpointIds: ["e1"], succeeded: true), pageSize: 1)
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
            let task = Task {
                await polarError { () async throws(PolarError) in try await client.allEndpoints(pageSize: 2) }
            }
            try await asked.waitUntilOpen()
            task.cancel()
            #expect(await task.value == .cancelled)
            await release.open()
        }
    }
}

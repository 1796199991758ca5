import Foundation
import Testing

@testable import PolarAPI

/// Lists from a server that lies about its pages, and from an honest one whose list changes
/// while it is read: the first end in a bounded walk with a typed error naming the claim,
/// the second are read whole without an error.
@Suite(.timeLimit(.minutes(2))) struct HostilePagingTests {
    /// Collects a stream: the ids delivered in order, and how it ended.
    private static func walk<Item: Identifiable & Codable & Sendable>(
        _ pages: AsyncThrowingStream<ListResource<Item>, any Error>
    ) async -> (ids: [Item.ID], unreadable: [UnreadableItem], error: PolarError?) {
        var ids: [Item.ID] = []
        var unreadable: [UnreadableItem] = []
        do {
            for try await page in pages {
                ids += page.items.map(\.id)
                unreadable += page.unreadable
            }
            return (ids, unreadable, nil)
        } catch {
            return (ids, unreadable, error as? PolarError ?? .network("not a PolarError: \(error)"))
        }
    }

    private static func pageNumber(_ request: RecordedRequest) -> Int { Int(request.query("page").first ?? "") ?? 0 }

    private static func endpoints(_ ids: [String], total: Int, maxPage: Int) -> StubResponse {
        .json(200, Fixtures.list(ids.map { Fixtures.endpointJSON(id: $0) }, total: total, maxPage: maxPage))
    }

    /// One page at a time stops at the first repeat; four at a time stays within its window of
    /// four pages ahead before page 2 was judged.
    @Test(arguments: [1, 4]) func theSameItemOnEveryPageStopsAtTheFirstRepeat(pageConcurrency: Int) async throws {
        try await withStub(
            pageConcurrency: pageConcurrency,
            { _, _ in
                Self.endpoints(["same"], total: 1_000_000_000, maxPage: 1_000_000_000)
            }
        ) { server, client in
            let result = await Self.walk(client.endpointPages())
            #expect(result.ids == ["same"])
            guard case .untrustworthyPaging(let problem) = result.error else {
                Issue.record("expected untrustworthyPaging, got \(String(describing: result.error))")
                return
            }
            #expect(problem.reason == .repeatedPage(page: 2, firstSeenOn: 1...1))
            // Page 1 alone, then at most the window before page 2 was judged.
            #expect(problem.requests <= 1 + pageConcurrency)
            #expect(await server.log.count <= 1 + pageConcurrency)
            guard pageConcurrency == 1 else { return }
            #expect(problem.requests == 2)
            #expect(
                result.error?.description
                    == "Stopped reading the list of endpoints: the server said 1000000000 pages of 100 endpoints "
                    + "(1000000000 in all) but page 2 repeated page 1's items; stopped after at most 2 requests with 1 endpoint read."
            )
        }
    }

    @Test func itemsShiftedAcrossAPageBoundaryAreDeliveredOnce() async throws {
        // An endpoint created between page 1 and page 2 pushes "b" onto page 2 as well.
        let pages = [1: ["a", "b"], 2: ["b", "c"], 3: ["d"]]
        try await withStub({ request, _ in
            let page = Self.pageNumber(request)
            return Self.endpoints(pages[page] ?? [], total: 5, maxPage: 3)
        }) { _, client in
            let result = await Self.walk(client.endpointPages(pageSize: 2))
            #expect(result.ids == ["a", "b", "c", "d"])
            #expect(result.error == nil)
        }
    }

    @Test func aListThatShrinksWhileReadEndsWithoutAnError() async throws {
        // Page 1 says three pages; by page 3 items were deleted and there are only two.
        try await withStub({ request, _ in
            switch Self.pageNumber(request) {
            case 1: Self.endpoints(["a", "b"], total: 6, maxPage: 3)
            case 2: Self.endpoints(["c", "d"], total: 4, maxPage: 2)
            default: Self.endpoints([], total: 4, maxPage: 2)
            }
        }) { _, client in
            let result = await Self.walk(client.endpointPages(pageSize: 2))
            #expect(result.ids == ["a", "b", "c", "d"])
            #expect(result.error == nil)
        }
    }

    @Test func aListThatGrowsWhileReadIsFollowed() async throws {
        try await withStub(
            pageConcurrency: 1,
            { request, _ in
                switch Self.pageNumber(request) {
                case 1: Self.endpoints(["a", "b"], total: 4, maxPage: 2)
                case 2: Self.endpoints(["c", "d"], total: 5, maxPage: 3)
                default: Self.endpoints(["e"], total: 5, maxPage: 3)
                }
            }
        ) { server, client in
            let result = await Self.walk(client.endpointPages(pageSize: 2))
            #expect(result.ids == ["a", "b", "c", "d", "e"])
            #expect(result.error == nil)
            #expect(await server.log.count == 3)
        }
    }

    @Test func anEmptyPageWithinTheClaimedPagesStopsTheWalk() async throws {
        try await withStub({ request, _ in
            let page = Self.pageNumber(request)
            return page == 1
                ? Self.endpoints(["a"], total: 50, maxPage: 50) : Self.endpoints([], total: 50, maxPage: 50)
        }) { _, client in
            let result = await Self.walk(client.endpointPages(pageSize: 1))
            #expect(result.ids == ["a"])
            guard case .untrustworthyPaging(let problem) = result.error else {
                Issue.record("expected untrustworthyPaging, got \(String(describing: result.error))")
                return
            }
            #expect(problem.reason == .emptyPage(page: 2))
            #expect(problem.claimedPages == 50)
        }
    }

    @Test func aPageWithMoreItemsThanAskedForStopsTheWalk() async throws {
        try await withStub({ _, _ in
            Self.endpoints((0..<5).map { "e\($0)" }, total: 5, maxPage: 1)
        }) { _, client in
            let result = await Self.walk(client.endpointPages(pageSize: 2))
            #expect(result.ids.isEmpty)
            guard case .untrustworthyPaging(let problem) = result.error else {
                Issue.record("expected untrustworthyPaging, got \(String(describing: result.error))")
                return
            }
            #expect(problem.reason == .oversizedPage(page: 1, itemCount: 5))
        }
    }

    @Test func freshItemsForeverStopAtThePageCeiling() async throws {
        let ceilings = PagingCeilings(endpoints: PagingLimits(maxPages: 7, maxItems: 1_000))
        try await withStub(
            pagingCeilings: ceilings,
            { request, _ in
                let page = Self.pageNumber(request)
                return Self.endpoints(["p\(page)"], total: 1_000_000_000, maxPage: 1_000_000_000)
            }
        ) { server, client in
            let result = await Self.walk(client.endpointPages(pageSize: 1))
            #expect(result.ids == (1...7).map { "p\($0)" })
            guard case .untrustworthyPaging(let problem) = result.error else {
                Issue.record("expected untrustworthyPaging, got \(String(describing: result.error))")
                return
            }
            #expect(problem.reason == .tooManyPages(ceiling: 7))
            // No page past the ceiling is ever asked for.
            #expect(await server.log.count == 7)
            #expect(Set(await server.requests.map(Self.pageNumber)) == Set(1...7))
        }
    }

    @Test func freshItemsForeverStopAtTheItemCeilingWithThePartThatFits() async throws {
        let ceilings = PagingCeilings(deliveries: PagingLimits(maxPages: 1_000, maxItems: 5))
        try await withStub(
            pagingCeilings: ceilings, pageConcurrency: 1,
            { request, _ in
                let page = Self.pageNumber(request)
                let items = (0..<2).map { Fixtures.deliveryJSON(id: "d\(page)-\($0)") }
                return .json(200, Fixtures.list(items, total: 2_000, maxPage: 1_000))
            }
        ) { server, client in
            let result = await Self.walk(client.deliveryPages(pageSize: 2))
            #expect(result.ids == ["d1-0", "d1-1", "d2-0", "d2-1", "d3-0"])
            guard case .untrustworthyPaging(let problem) = result.error else {
                Issue.record("expected untrustworthyPaging, got \(String(describing: result.error))")
                return
            }
            #expect(problem.reason == .tooManyItems(ceiling: 5))
            #expect(problem.itemsRead == 5)
            #expect(await server.log.count == 3)
        }
    }

    @Test func organizationsFromALyingServerAreBoundedToo() async throws {
        let organization = #"{"id":"org-1","name":"Org","slug":"org"}"#
        try await withStub({ _, _ in
            .json(200, Fixtures.list([organization], total: 1_000_000_000, maxPage: 1_000_000_000))
        }) { server, client in
            let error = await polarError { () async throws(PolarError) in try await client.organizations() }
            guard case .untrustworthyPaging(let problem) = error else {
                Issue.record("expected untrustworthyPaging, got \(String(describing: error))")
                return
            }
            #expect(problem.itemNamePlural == "organizations")
            #expect(await server.log.count <= 5)
        }
    }

    @Test func theRealCeilingsAreWrittenDown() {
        #expect(PagingLimits.endpoints == PagingLimits(maxPages: 1_000, maxItems: 20_000))
        #expect(PagingLimits.deliveries == PagingLimits(maxPages: 2_000, maxItems: 100_000))
        #expect(PagingLimits.organizations == PagingLimits(maxPages: 100, maxItems: 1_000))
    }

    @Test func unreadableItemsAreCarriedBesideThePageAndDeduplicatedByID() async throws {
        let broken = Fixtures.endpointJSON(id: "broken").replacingOccurrences(
            of: #""enabled":true"#, with: #""enabled":"yes""#)
        try await withStub({ request, _ in
            switch Self.pageNumber(request) {
            case 1: .json(200, Fixtures.list([Fixtures.endpointJSON(id: "a"), broken], total: 4, maxPage: 2))
            default: .json(200, Fixtures.list([broken, Fixtures.endpointJSON(id: "b")], total: 4, maxPage: 2))
            }
        }) { _, client in
            let result = await Self.walk(client.endpointPages(pageSize: 2))
            #expect(result.ids == ["a", "b"])
            #expect(result.error == nil)
            #expect(
                result.unreadable == [
                    UnreadableItem(id: "broken", page: 1, index: 1, problem: "expected true or false at enabled")
                ])
        }
    }
}

/// Streams every page of a Polar list in server order, within limits a server cannot stretch.
///
/// Page 1 is fetched alone, because only it tells how many pages there are (`max_page`).
/// The rest are fetched at most `concurrency` at a time and yielded strictly in order; a page
/// that arrives early waits in a buffer no larger than the window. ``PageWalk`` judges each
/// page in order (repeats dropped, lies and ceilings end the walk with
/// ``PolarError/untrustworthyPaging(_:)``). The first error ends the stream after the pages
/// before it, and ending the consumer's iteration cancels every fetch.
enum Paging {
    typealias Fetch<Item: Codable & Sendable> = @Sendable (_ page: Int) async throws(PolarError) -> ListResource<Item>

    static func pages<Item: Codable & Sendable & Identifiable>(
        of list: PagedList, concurrency: Int, redact: @escaping @Sendable (PolarError) -> PolarError = { $0 },
        fetch: @escaping Fetch<Item>
    ) -> AsyncThrowingStream<ListResource<Item>, any Error> where Item.ID == String {
        AsyncThrowingStream { continuation in
            let task = Task {
                do throws(PolarError) {
                    try await produce(of: list, concurrency: max(concurrency, 1), fetch: fetch) {
                        continuation.yield($0)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: redact(error))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Fetches, judges and hands over every page in order; `yield` is called once per page
    /// that brings something (or for an empty list's one page).
    static func produce<Item: Codable & Sendable & Identifiable>(
        of list: PagedList, concurrency: Int, fetch: @escaping Fetch<Item>, yield: (ListResource<Item>) -> Void
    ) async throws(PolarError) where Item.ID == String {
        var walk = PageWalk<Item>(list: list)
        walk.requests = 1
        let (first, next) = walk.accept(try await fetch(1), number: 1)
        if let first { yield(first) }
        switch next {
        case .end: return
        case .stop(let problem): throw .untrustworthyPaging(problem)
        case .more: break
        }
        do {
            try await withThrowingTaskGroup(of: (Int, ListResource<Item>).self) { group in
                var nextToStart = 2
                var nextToYield = 2
                var arrived: [Int: ListResource<Item>] = [:]
                func startWithinWindow() {
                    // Pages in [nextToYield, nextToStart) are in flight or buffered: at most `concurrency`.
                    while nextToStart <= walk.lastPageToRequest, nextToStart < nextToYield + concurrency {
                        let page = nextToStart
                        group.addTask { (page, try await fetch(page)) }
                        nextToStart += 1
                        walk.requests += 1
                    }
                }
                startWithinWindow()
                while let (page, list) = try await group.next() {
                    arrived[page] = list
                    while let ready = arrived.removeValue(forKey: nextToYield) {
                        let (handed, next) = walk.accept(ready, number: nextToYield)
                        if let handed { yield(handed) }
                        switch next {
                        case .more:
                            nextToYield += 1
                        case .end:
                            group.cancelAll()
                            return
                        case .stop(let problem):
                            group.cancelAll()
                            throw PolarError.untrustworthyPaging(problem)
                        }
                    }
                    startWithinWindow()
                }
            }
        } catch let error as PolarError {
            throw error
        } catch {
            throw Task.isCancelled ? .cancelled : .network("paging failed: \(type(of: error))")
        }
    }

    /// Every item of every page, in order, with the items that could not be read.
    static func collect<Item: Codable & Sendable>(
        _ pages: AsyncThrowingStream<ListResource<Item>, any Error>
    ) async throws(PolarError) -> CollectedList<Item> {
        var items: [Item] = []
        var unreadable: [UnreadableItem] = []
        do {
            for try await page in pages {
                items += page.items
                unreadable += page.unreadable
            }
        } catch let error as PolarError {
            throw error
        } catch {
            throw Task.isCancelled ? .cancelled : .network("paging failed: \(type(of: error))")
        }
        if Task.isCancelled { throw .cancelled }
        return CollectedList(items: items, unreadable: unreadable)
    }
}

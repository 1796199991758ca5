/// Streams every page of a Polar list in server order.
///
/// Page 1 is fetched alone, because only it tells how many pages there are (`max_page`).
/// The rest are fetched at most `concurrency` at a time and yielded strictly in order; a page
/// that arrives early waits in a buffer no larger than the window. The first error ends the
/// stream with that error, and ending the consumer's iteration cancels every fetch.
enum Paging {
    typealias Fetch<Item: Codable & Sendable> = @Sendable (_ page: Int) async throws(PolarError) -> ListResource<Item>

    static func pages<Item: Codable & Sendable>(
        concurrency: Int, fetch: @escaping Fetch<Item>
    ) -> AsyncThrowingStream<ListResource<Item>, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do throws(PolarError) {
                    try await produce(concurrency: max(concurrency, 1), fetch: fetch) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Fetches and hands over every page in order; `yield` is called once per page.
    static func produce<Item: Codable & Sendable>(
        concurrency: Int, fetch: @escaping Fetch<Item>, yield: (ListResource<Item>) -> Void
    ) async throws(PolarError) {
        let first = try await fetch(1)
        yield(first)
        let lastPage = first.pagination.maxPage
        guard lastPage >= 2 else { return }
        do {
            try await withThrowingTaskGroup(of: (Int, ListResource<Item>).self) { group in
                var nextToStart = 2
                var nextToYield = 2
                var arrived: [Int: ListResource<Item>] = [:]
                func startWithinWindow() {
                    // Pages in [nextToYield, nextToStart) are in flight or buffered: at most `concurrency`.
                    while nextToStart <= lastPage, nextToStart < nextToYield + concurrency {
                        let page = nextToStart
                        group.addTask { (page, try await fetch(page)) }
                        nextToStart += 1
                    }
                }
                startWithinWindow()
                while let (page, list) = try await group.next() {
                    arrived[page] = list
                    while let ready = arrived.removeValue(forKey: nextToYield) {
                        yield(ready)
                        nextToYield += 1
                    }
                    startWithinWindow()
                }
            }
        } catch let error as PolarError {
            throw error
        } catch {
            throw Task.isCancelled ? .cancelled : .network(String(describing: error))
        }
    }

    /// Every item of every page, in order.
    static func collect<Item: Codable & Sendable>(
        _ pages: AsyncThrowingStream<ListResource<Item>, any Error>
    ) async throws(PolarError) -> [Item] {
        var items: [Item] = []
        do {
            for try await page in pages { items += page.items }
        } catch let error as PolarError {
            throw error
        } catch {
            throw Task.isCancelled ? .cancelled : .network(String(describing: error))
        }
        if Task.isCancelled { throw .cancelled }
        return items
    }
}

/// Runs work for many items with only a few in flight at once.
enum BoundedConcurrency {
    /// `body` for every item, at most `width` at a time; the results in the items' order.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results: [Result?] = Array(repeating: nil, count: items.count)
            var next = 0
            func startOne() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, await body(item)) }
                next += 1
            }
            for _ in 0..<max(width, 1) { startOne() }
            while let (index, result) = await group.next() {
                results[index] = result
                startOne()
            }
            return results.compactMap { $0 }
        }
    }
}

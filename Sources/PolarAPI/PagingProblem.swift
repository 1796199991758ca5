/// Why a list walk stopped before the end the server announced: what the server claimed,
/// what it did instead, and how far the walk got. Every item before the stop was delivered.
public struct PagingProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Every item of `page` had already come on an earlier page (`firstSeenOn` is the
        /// range of pages they first came on).
        case repeatedPage(page: Int, firstSeenOn: ClosedRange<Int>)
        /// `page` had no items although the server counted it among its pages.
        case emptyPage(page: Int)
        /// `page` had more items than the `limit` asked for.
        case oversizedPage(page: Int, itemCount: Int)
        /// The server announced more pages than the client reads for this list.
        case tooManyPages(ceiling: Int)
        /// The server announced more items than the client reads for this list.
        case tooManyItems(ceiling: Int)
    }

    /// `endpoint`, `delivery`, `organization`; and the plural.
    public var itemName: String
    public var itemNamePlural: String
    /// `max_page` and `total_count` as the server last gave them.
    public var claimedPages: Int
    public var claimedTotal: Int
    /// The `limit` asked for on each page.
    public var pageSize: Int
    public var reason: Reason
    /// Pages requested, including those still in flight when the walk stopped (cancelled then,
    /// some perhaps before they were sent).
    public var requests: Int
    /// Items delivered before the stop.
    public var itemsRead: Int

    public init(
        itemName: String, itemNamePlural: String, claimedPages: Int, claimedTotal: Int, pageSize: Int,
        reason: Reason, requests: Int, itemsRead: Int
    ) {
        self.itemName = itemName
        self.itemNamePlural = itemNamePlural
        self.claimedPages = claimedPages
        self.claimedTotal = claimedTotal
        self.pageSize = pageSize
        self.reason = reason
        self.requests = requests
        self.itemsRead = itemsRead
    }

    /// "the server said 1000000000 pages of 100 endpoints (1000000000 in all) but page 2
    /// repeated page 1's items; stopped after at most 5 requests with 1 endpoint read" (at
    /// most: requests still in flight at the stop are cancelled, perhaps before being sent)
    public var description: String {
        let claim =
            "the server said \(claimedPages) \(claimedPages == 1 ? "page" : "pages") of \(pageSize) "
            + "\(itemNamePlural) (\(claimedTotal) in all)"
        let what: String
        switch reason {
        case .repeatedPage(let page, let earlier):
            let source =
                earlier.lowerBound == earlier.upperBound
                ? "page \(earlier.lowerBound)'s items" : "items of pages \(earlier.lowerBound)–\(earlier.upperBound)"
            what = "but page \(page) repeated \(source)"
        case .emptyPage(let page):
            what = "but page \(page) was empty"
        case .oversizedPage(let page, let count):
            what = "but page \(page) had \(count) \(itemNamePlural)"
        case .tooManyPages(let ceiling):
            what = "and this client reads at most \(ceiling) pages of one list"
        case .tooManyItems(let ceiling):
            what = "and this client reads at most \(ceiling) \(itemNamePlural) in one list"
        }
        let read = "\(itemsRead) \(itemsRead == 1 ? itemName : itemNamePlural) read"
        let asked = "\(requests) \(requests == 1 ? "request" : "requests")"
        return "\(claim) \(what); stopped after at most \(asked) with \(read)"
    }
}

/// The rules of one list walk, apart from the fetching: what each page may claim and do, and
/// when to stop. Pages are handed in strictly in order.
///
/// - An item already delivered is dropped when it comes again: an honest list shifts by an
///   item or two when something is created or deleted while it is read.
/// - A page that brings nothing new (all repeats), an empty page the server counts among
///   its pages, or a page with more items than asked for ends the walk with a
///   ``PagingProblem``: the server is not telling the truth about its list.
/// - `max_page` is followed as it changes (lists grow and shrink while read), within the
///   list's ``PagingLimits``; reaching a ceiling before the announced end is a problem too.
struct PageWalk<Item: Codable & Sendable & Identifiable> where Item.ID == String {
    enum Next: Equatable {
        /// Keep going: pages up to ``lastPageToRequest`` are worth asking for.
        case more
        /// The list is complete.
        case end
        /// Stop with this problem (after handing over the page that came with it, if any).
        case stop(PagingProblem)
    }

    let list: PagedList
    /// The latest `pagination` the server gave.
    private(set) var claim = Pagination(totalCount: 0, maxPage: 0)
    /// Items delivered so far.
    private(set) var itemsRead = 0
    /// Pages requested so far; the fetching side counts them.
    var requests = 0
    /// The page each delivered id first came on.
    private var firstSeenOn: [String: Int] = [:]

    init(list: PagedList) {
        self.list = list
    }

    /// The last page worth requesting now: the server's latest claim, within the ceiling.
    var lastPageToRequest: Int { min(claim.maxPage, list.limits.maxPages) }

    /// Takes page `number` and says what to hand over (repeats removed, cut at the item
    /// ceiling; nil when nothing is) and what comes next.
    mutating func accept(_ page: ListResource<Item>, number: Int) -> (page: ListResource<Item>?, next: Next) {
        claim = page.pagination
        let count = page.items.count + page.unreadable.count
        if count > list.pageSize {
            return (nil, .stop(problem(.oversizedPage(page: number, itemCount: count))))
        }
        if count == 0 {
            // Past the announced end the server answers an empty page: the list shrank (or
            // is empty). Within it, an empty page is a contradiction.
            if number > claim.maxPage { return (page, .end) }
            return (nil, .stop(problem(.emptyPage(page: number))))
        }
        var fresh: [Item] = []
        var freshUnreadable: [UnreadableItem] = []
        var repeatedFrom: ClosedRange<Int>?
        func isNew(_ id: String) -> Bool {
            guard let earlier = firstSeenOn[id] else {
                firstSeenOn[id] = number
                return true
            }
            repeatedFrom =
                repeatedFrom.map { min($0.lowerBound, earlier)...max($0.upperBound, earlier) } ?? earlier...earlier
            return false
        }
        for item in page.items where isNew(item.id) { fresh.append(item) }
        for var entry in page.unreadable {
            entry.page = number
            if let id = entry.id, !isNew(id) { continue }
            freshUnreadable.append(entry)
        }
        if fresh.isEmpty, freshUnreadable.isEmpty, let repeatedFrom {
            return (nil, .stop(problem(.repeatedPage(page: number, firstSeenOn: repeatedFrom))))
        }
        let room = list.limits.maxItems - itemsRead
        let overflow = fresh.count + freshUnreadable.count > room
        if overflow {
            fresh = Array(fresh.prefix(room))
            freshUnreadable = Array(freshUnreadable.prefix(max(room - fresh.count, 0)))
        }
        itemsRead += fresh.count + freshUnreadable.count
        let handed = ListResource(items: fresh, pagination: page.pagination, unreadable: freshUnreadable)
        if overflow { return (handed, .stop(problem(.tooManyItems(ceiling: list.limits.maxItems)))) }
        if number >= claim.maxPage { return (handed, .end) }
        if itemsRead >= list.limits.maxItems {
            return (handed, .stop(problem(.tooManyItems(ceiling: list.limits.maxItems))))
        }
        if number >= list.limits.maxPages {
            return (handed, .stop(problem(.tooManyPages(ceiling: list.limits.maxPages))))
        }
        return (handed, .more)
    }

    private func problem(_ reason: PagingProblem.Reason) -> PagingProblem {
        PagingProblem(
            itemName: list.singular, itemNamePlural: list.plural, claimedPages: claim.maxPage,
            claimedTotal: claim.totalCount, pageSize: list.pageSize, reason: reason, requests: requests,
            itemsRead: itemsRead)
    }
}

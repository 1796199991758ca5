/// How far the client follows one list before it stops believing the server.
///
/// A server says how many pages there are (`max_page`), but nothing stops it from saying a
/// billion. Every walk stops at these ceilings with ``PagingProblem`` (and the items read so
/// far), so a lying or broken server costs a bounded number of requests and bounded memory.
/// The ceilings are far above what Polar holds for a real account; each is explained below.
public struct PagingLimits: Sendable, Hashable {
    /// Pages requested at most, the first included.
    public var maxPages: Int
    /// Items delivered at most (readable and unreadable together).
    public var maxItems: Int

    public init(maxPages: Int, maxItems: Int) {
        self.maxPages = max(maxPages, 1)
        self.maxItems = max(maxItems, 1)
    }

    /// Endpoints: Polar's own dashboard lists an organization's endpoints with one request of
    /// 100 (CONTRACT §7), so an organization has a handful. 20,000 is twice the 10,000 that
    /// `scripts/bench` lists and leaves room for a user token that sees many organizations;
    /// at 100 a page that is 200 requests.
    public static let endpoints = PagingLimits(maxPages: 1_000, maxItems: 20_000)

    /// Deliveries: every event for every endpoint, and every retry, so they can be many.
    /// 100,000 (1,000 requests of 100) is weeks of a busy shop; beyond that a list is
    /// narrowed with filters (`--since`, `--endpoint`) rather than read whole.
    public static let deliveries = PagingLimits(maxPages: 2_000, maxItems: 100_000)

    /// Organizations: the ones a token can see, a few for a person and one for an
    /// organization token.
    public static let organizations = PagingLimits(maxPages: 100, maxItems: 1_000)
}

/// The ceilings a client applies to each of its lists; tests lower them.
struct PagingCeilings: Sendable {
    var endpoints = PagingLimits.endpoints
    var deliveries = PagingLimits.deliveries
    var organizations = PagingLimits.organizations
}

/// Which list a walk reads: its ceilings and the words for its items.
struct PagedList: Sendable {
    /// `endpoint`, `delivery`, `organization`.
    var singular: String
    var plural: String
    var limits: PagingLimits
    /// The `limit` asked for on each page.
    var pageSize: Int

    static func endpoints(_ limits: PagingLimits, pageSize: Int) -> PagedList {
        PagedList(singular: "endpoint", plural: "endpoints", limits: limits, pageSize: pageSize)
    }

    static func deliveries(_ limits: PagingLimits, pageSize: Int) -> PagedList {
        PagedList(singular: "delivery", plural: "deliveries", limits: limits, pageSize: pageSize)
    }

    static func organizations(_ limits: PagingLimits, pageSize: Int) -> PagedList {
        PagedList(singular: "organization", plural: "organizations", limits: limits, pageSize: pageSize)
    }
}

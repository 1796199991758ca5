import PolarAPI

/// Page arithmetic as Polar does it (CONTRACT.md §2.1).
struct PageRequest: Sendable, Equatable {
    static let maxLimit = 100

    var page: Int
    /// Already clamped to 100.
    var limit: Int

    init(page: Int, limit: Int) {
        self.page = page
        self.limit = min(limit, Self.maxLimit)
    }

    var offset: Int {
        (page - 1).multipliedReportingOverflow(by: limit).overflow ? Int.max : (page - 1) * limit
    }

    func pagination(total: Int) -> Pagination {
        Pagination(totalCount: total, maxPage: total == 0 ? 0 : (total + limit - 1) / limit)
    }

    func contains(position: Int) -> Bool { position >= offset && position - offset < limit }
}

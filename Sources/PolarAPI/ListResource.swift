/// One page of a list, as Polar returns it.
public struct ListResource<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var pagination: Pagination

    public init(items: [Item], pagination: Pagination) {
        self.items = items
        self.pagination = pagination
    }
}

extension ListResource: Equatable where Item: Equatable {}
extension ListResource: Hashable where Item: Hashable {}

/// Totals that come with every page. `maxPage` is 0 when the list is empty.
public struct Pagination: Codable, Sendable, Hashable {
    public var totalCount: Int
    public var maxPage: Int

    public init(totalCount: Int, maxPage: Int) {
        self.totalCount = totalCount
        self.maxPage = maxPage
    }

    enum CodingKeys: String, CodingKey {
        case totalCount = "total_count"
        case maxPage = "max_page"
    }
}

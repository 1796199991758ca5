/// One page of a list, as Polar returns it.
///
/// Decoded item by item: an item this version cannot read is left out of ``items`` and
/// described in ``unreadable`` instead, so one odd item never hides the others.
public struct ListResource<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var pagination: Pagination
    /// The items of this page that could not be read, in page order; usually empty.
    public var unreadable: [UnreadableItem]

    public init(items: [Item], pagination: Pagination, unreadable: [UnreadableItem] = []) {
        self.items = items
        self.pagination = pagination
        self.unreadable = unreadable
    }

    /// Only `items` and `pagination` are written: unreadable items were never part of the
    /// answer's shape.
    enum CodingKeys: String, CodingKey {
        case items, pagination
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pagination = try container.decode(Pagination.self, forKey: .pagination)
        var list = try container.nestedUnkeyedContainer(forKey: .items)
        var items: [Item] = []
        var unreadable: [UnreadableItem] = []
        while !list.isAtEnd {
            let index = list.currentIndex
            // `decodeNil` moves past a null; any other element is read by the lenient wrapper,
            // which never throws, so the container always moves on.
            if try list.decodeNil() {
                unreadable.append(UnreadableItem(id: nil, index: index, problem: "null instead of an item"))
                continue
            }
            switch try list.decode(LenientElement<Item>.self) {
            case .readable(let item):
                items.append(item)
            case .unreadable(let id, let problem):
                unreadable.append(UnreadableItem(id: id, index: index, problem: problem))
            }
        }
        self.items = items
        self.unreadable = unreadable
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

/// One element of a list, read without throwing: the item, or why it could not be read.
enum LenientElement<Item: Decodable>: Decodable {
    case readable(Item)
    case unreadable(id: String?, problem: String)

    private enum IdentifierKey: String, CodingKey {
        case id
    }

    init(from decoder: Decoder) {
        do {
            self = .readable(try Item(from: decoder))
        } catch {
            self = .unreadable(
                id: Self.identifier(in: decoder), problem: DecodingProblem.describe(error, below: decoder.codingPath))
        }
    }

    /// The element's `id` when it is an object with a string or integer `id`, shortened.
    private static func identifier(in decoder: Decoder) -> String? {
        guard let container = try? decoder.container(keyedBy: IdentifierKey.self) else { return nil }
        let text =
            (try? container.decodeIfPresent(String.self, forKey: .id))
            ?? (try? container.decodeIfPresent(Int.self, forKey: .id)).map { String($0) }
        guard let text else { return nil }
        let limit = UnreadableItem.maxIdentifierLength
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}

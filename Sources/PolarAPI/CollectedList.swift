/// Every page of a list, gathered: the items that could be read, in server order, and the
/// ones that could not (see ``UnreadableItem``).
///
/// It is a collection of the readable items, so `count`, `first`, `map` and indexing work as
/// on an array; ``unreadable`` is there for the line that says what could not be shown.
public struct CollectedList<Item: Sendable>: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public var items: [Item]
    /// Items that could not be read, in the order they came; usually empty.
    public var unreadable: [UnreadableItem]

    public init(items: [Item], unreadable: [UnreadableItem] = []) {
        self.items = items
        self.unreadable = unreadable
    }

    public init(arrayLiteral elements: Item...) {
        self.init(items: elements)
    }

    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> Item { items[position] }
}

extension CollectedList: Equatable where Item: Equatable {}
extension CollectedList: Hashable where Item: Hashable {}

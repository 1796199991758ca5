/// A two-level list of check boxes: groups of items, each group checked, unchecked or partly
/// checked. Groups fold; a filter narrows the items by text. Generic: items are strings with
/// a label and a one-line meaning.
public struct CheckTree: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public let id: String
        public let label: String
        /// A one-line meaning, shown for the focused row.
        public let detail: String
        public init(id: String, label: String, detail: String = "") {
            self.id = id
            self.label = label
            self.detail = detail
        }
    }

    public struct Group: Hashable, Sendable {
        public let id: String
        public let title: String
        public let items: [Item]
        public init(id: String, title: String, items: [Item]) {
            self.id = id
            self.title = title
            self.items = items
        }
    }

    /// One visible row.
    public enum Row: Hashable, Sendable {
        case group(Int)
        case item(group: Int, item: Int)
    }

    /// How much of a group is checked.
    public enum Mark: Hashable, Sendable {
        case none, some, all

        /// `[ ]`, `[-]` or `[x]`.
        public var box: String {
            switch self {
            case .none: "[ ]"
            case .some: "[-]"
            case .all: "[x]"
            }
        }
    }

    public let groups: [Group]
    public private(set) var checked: Set<String>
    public private(set) var folded: Set<String>
    /// The filter text; items whose id or label contains it (any case) are shown.
    public private(set) var filter: String
    public private(set) var rows: [Row]
    public private(set) var cursor: ScrollList

    public init(groups: [Group], checked: Set<String> = [], folded: Set<String> = []) {
        self.groups = groups
        self.checked = checked
        self.folded = folded
        filter = ""
        rows = []
        cursor = ScrollList()
        rebuildRows(keeping: nil, visibleRows: 1)
    }

    /// Every item id, in order.
    public var allIDs: [String] { groups.flatMap { $0.items.map(\.id) } }

    /// Checked ids in tree order.
    public var checkedIDs: [String] { allIDs.filter { checked.contains($0) } }

    public var itemCount: Int { groups.reduce(0) { $0 + $1.items.count } }

    public var focusedRow: Row? {
        rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil
    }

    /// The focused item, or nil when a group row (or nothing) is focused.
    public var focusedItem: Item? {
        guard case .item(let group, let item) = focusedRow else { return nil }
        return groups[group].items[item]
    }

    public func mark(ofGroup index: Int) -> Mark {
        let ids = matchingItems(in: index).map(\.id)
        let count = ids.filter { checked.contains($0) }.count
        if count == 0 { return .none }
        return count == ids.count ? .all : .some
    }

    /// The items of a group that pass the filter.
    public func matchingItems(in index: Int) -> [Item] {
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return groups[index].items }
        if groups[index].title.lowercased().contains(needle) { return groups[index].items }
        return groups[index].items.filter {
            $0.id.lowercased().contains(needle) || $0.label.lowercased().contains(needle)
        }
    }

    public func isFolded(_ index: Int) -> Bool { filter.isEmpty && folded.contains(groups[index].id) }

    public mutating func move(_ movement: ScrollList.Movement, visibleRows: Int) {
        cursor.move(movement, visibleRows: visibleRows)
    }

    /// Space: toggles the focused item, or the whole focused group (all its shown items on
    /// when any is off, otherwise all off).
    public mutating func toggleFocused() {
        switch focusedRow {
        case .group(let index):
            let ids = matchingItems(in: index).map(\.id)
            setChecked(ids, to: mark(ofGroup: index) != .all)
        case .item(let group, let item):
            let id = groups[group].items[item].id
            setChecked([id], to: !checked.contains(id))
        case nil:
            break
        }
    }

    /// `a`: every shown item on, or all of them off when they already are.
    public mutating func toggleAll() {
        let ids = groups.indices.flatMap { matchingItems(in: $0).map(\.id) }
        setChecked(ids, to: !ids.allSatisfy { checked.contains($0) })
    }

    public mutating func setChecked(_ ids: [String], to on: Bool) {
        if on { checked.formUnion(ids) } else { checked.subtract(ids) }
    }

    /// Enter: folds or unfolds the group of the focused row; the group row takes the focus.
    public mutating func toggleFoldFocused(visibleRows: Int) {
        guard filter.isEmpty, let row = focusedRow else { return }
        let index: Int
        switch row {
        case .group(let group): index = group
        case .item(let group, _): index = group
        }
        let id = groups[index].id
        if folded.contains(id) { folded.remove(id) } else { folded.insert(id) }
        rebuildRows(keeping: .group(index), visibleRows: visibleRows)
    }

    public mutating func setFilter(_ text: String, visibleRows: Int) {
        filter = text
        let keep = focusedRow
        rebuildRows(keeping: keep, visibleRows: visibleRows)
    }

    private mutating func rebuildRows(keeping row: Row?, visibleRows: Int) {
        var newRows: [Row] = []
        for index in groups.indices {
            let items = matchingItems(in: index)
            if items.isEmpty { continue }
            newRows.append(.group(index))
            if isFolded(index) { continue }
            for item in items {
                if let position = groups[index].items.firstIndex(of: item) {
                    newRows.append(.item(group: index, item: position))
                }
            }
        }
        rows = newRows
        var list = cursor
        list.setCount(newRows.count, visibleRows: visibleRows)
        let firstItem = newRows.firstIndex { if case .item = $0 { true } else { false } }
        let kept = row.flatMap { newRows.firstIndex(of: $0) }
        if let kept, case .item = newRows[kept] {
            list.select(kept, visibleRows: visibleRows)
        } else if !filter.isEmpty, let firstItem {
            // While filtering, land on the first match rather than a group header.
            list.select(firstItem, visibleRows: visibleRows)
        } else if let kept {
            list.select(kept, visibleRows: visibleRows)
        }
        cursor = list
    }
}

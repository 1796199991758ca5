/// The state of a scrolling list: how many rows, which is selected and which is at the top.
///
/// It knows nothing of the rows themselves. Moves take the number of rows the view shows,
/// so paging moves by a screenful and the selection never leaves the window.
public struct ScrollList: Hashable, Sendable {
    /// A way to move the selection.
    public enum Movement: Hashable, Sendable {
        case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    }

    public private(set) var count: Int
    /// The selected row (0 when the list is empty).
    public private(set) var selected: Int
    /// The first row shown.
    public private(set) var offset: Int

    public init(count: Int = 0, selected: Int = 0) {
        self.count = max(0, count)
        self.selected = 0
        self.offset = 0
        self.selected = clamp(selected)
    }

    public var isEmpty: Bool { count == 0 }

    /// Changes the row count, keeping the selection on a row that still exists.
    public mutating func setCount(_ newCount: Int, visibleRows: Int) {
        count = max(0, newCount)
        select(selected, visibleRows: visibleRows)
    }

    /// Selects `index` (clamped) and scrolls just enough to show it.
    public mutating func select(_ index: Int, visibleRows: Int) {
        selected = clamp(index)
        scrollToSelection(visibleRows: visibleRows)
    }

    /// Selects `index` (clamped) and scrolls so that it stands on screen row `row` when the
    /// list allows: rows added or removed above it then leave what the user sees in place.
    public mutating func select(_ index: Int, atScreenRow row: Int, visibleRows: Int) {
        selected = clamp(index)
        offset = max(0, min(selected - max(0, row), max(0, count - visibleRows)))
        scrollToSelection(visibleRows: visibleRows)
    }

    public mutating func move(_ movement: Movement, visibleRows: Int) {
        let page = max(1, visibleRows - 1)
        let target =
            switch movement {
            case .up: selected - 1
            case .down: selected + 1
            case .pageUp: selected - page
            case .pageDown: selected + page
            case .halfPageUp: selected - max(1, visibleRows / 2)
            case .halfPageDown: selected + max(1, visibleRows / 2)
            case .top: 0
            case .bottom: count - 1
            }
        select(target, visibleRows: visibleRows)
    }

    /// The rows a window of `visibleRows` shows. Derived from `offset` but corrected for a
    /// window that grew or shrank since the last move, so a resize never hides the selection.
    public func visibleRange(rows visibleRows: Int) -> Range<Int> {
        guard visibleRows > 0, count > 0 else { return 0..<0 }
        var top = min(offset, max(0, count - visibleRows))
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        return top..<min(count, top + visibleRows)
    }

    private mutating func scrollToSelection(visibleRows: Int) {
        guard visibleRows > 0 else { return }
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        offset = max(0, min(offset, max(0, count - visibleRows)))
    }

    private func clamp(_ index: Int) -> Int { count == 0 ? 0 : min(max(0, index), count - 1) }
}

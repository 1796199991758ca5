import TerminalText

extension Canvas {
    /// Draws the rows of `tree` that fit in `rect`: group rows with a fold arrow, a tri-state
    /// box and a count, item rows indented under them. The focused row is reversed when
    /// `focused`, and shows its item's meaning after the label when there is room.
    public mutating func drawCheckTree(
        _ tree: CheckTree, in rect: Rect, focused: Bool, style: Style = .plain
    ) {
        guard rect.height > 0, rect.width > 0 else { return }
        let range = tree.cursor.visibleRange(rows: rect.height)
        let labelWidth = min(rect.width / 2, max(12, longestLabel(in: tree) + 1))
        for (line, index) in range.enumerated() {
            let y = rect.y + line
            let isCursor = index == tree.cursor.selected
            let rowStyle = isCursor && focused ? style.with(reverse: true) : style
            fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
            switch tree.rows[index] {
            case .group(let group):
                let items = tree.matchingItems(in: group)
                let on = items.filter { tree.checked.contains($0.id) }.count
                let arrow = tree.isFolded(group) ? "▸" : "▾"
                let mark = tree.mark(ofGroup: group).box
                let used = put("\(arrow) \(mark) ", x: rect.x, y: y, maxWidth: rect.width, style: rowStyle)
                let count = "\(on) of \(items.count)"
                put(
                    tree.groups[group].title, x: rect.x + used, y: y, maxWidth: rect.width - used,
                    style: rowStyle.with(bold: true))
                let countX = rect.x + used + labelWidth + 2
                if countX + DisplayWidth.of(count) <= rect.maxX {
                    put(count, x: countX, y: y, style: rowStyle.with(dim: !isCursor || !focused))
                }
            case .item(let group, let item):
                let entry = tree.groups[group].items[item]
                let mark = tree.checked.contains(entry.id) ? "[x]" : "[ ]"
                let used = put("    \(mark) ", x: rect.x, y: y, maxWidth: rect.width, style: rowStyle)
                put(entry.label, x: rect.x + used, y: y, maxWidth: rect.width - used, style: rowStyle)
                let detailX = rect.x + used + labelWidth - 2
                if isCursor, !entry.detail.isEmpty, detailX + 8 < rect.maxX {
                    put(
                        entry.detail, x: detailX, y: y, maxWidth: rect.maxX - detailX,
                        style: rowStyle.with(dim: !focused))
                }
            }
        }
    }

    private func longestLabel(in tree: CheckTree) -> Int {
        tree.groups.flatMap { $0.items.map { DisplayWidth.of($0.label) } }.max() ?? 0
    }
}

import TerminalText

/// The `?` screen: every key, section by section, in a box over the screen. Built from a
/// ``KeyTable`` so it always matches what the keys do.
public struct HelpOverlay: Hashable, Sendable {
    public struct Section: Hashable, Sendable {
        public let title: String
        public let entries: [Entry]
        public init(title: String, entries: [(String, String)]) {
            self.title = title
            self.entries = entries.map { Entry(keys: $0.0, summary: $0.1) }
        }
    }

    public struct Entry: Hashable, Sendable {
        public let keys: String
        public let summary: String
    }

    public var title: String
    public var sections: [Section]
    /// Lines scrolled off the top, for screens too short for everything.
    public var scroll: Int

    public init(title: String = "Keys", sections: [Section], scroll: Int = 0) {
        self.title = title
        self.sections = sections
        self.scroll = scroll
    }

    /// Two columns from 100 cells on (long summaries are cut with …), else one.
    static func columnCount(width: Int) -> Int { width >= 100 ? 2 : 1 }

    /// The text lines in as many columns as `width` holds. With `height` (the rows on screen)
    /// and too much for one screen, two columns are filled like the pages of a book: the left
    /// column to the bottom of the screen, then the right one, then the next pair below, so that
    /// scrolling down reads everything in order.
    public func lines(width: Int, height: Int? = nil) -> [String] {
        let blocks = sectionBlocks()
        let columns = Self.columnCount(width: width)
        let columnWidth = width / columns
        let balanced = Self.balance(blocks, into: columns)
        guard columns > 1, let height, height > 0, (balanced.map(\.count).max() ?? 0) > height else {
            return Self.join(balanced, columnWidth: columnWidth)
        }
        let flowed = Self.flow(blocks, height: height)
        return stride(from: 0, to: flowed.count, by: columns).flatMap { first in
            let band = Array(flowed[first..<min(first + columns, flowed.count)])
            let isLastBand = first + columns >= flowed.count
            let rows = isLastBand ? (band.map(\.count).max() ?? 0) : height
            return Self.join(band, columnWidth: columnWidth, rows: rows)
        }
    }

    /// The furthest ``scroll`` can usefully go when drawn in `area`, so that scrolling back
    /// up answers at the first key press.
    public func maxScroll(in area: Rect) -> Int {
        let inner = area.inset(by: 1)
        let rows = inner.height - 1
        guard rows > 0, inner.width > 2 else { return 0 }
        return max(0, lines(width: inner.width - 2, height: rows).count - rows)
    }

    /// Each section as its lines: the title, then one line per entry, keys aligned.
    private func sectionBlocks() -> [[String]] {
        let keyWidth = min(
            14, sections.flatMap { $0.entries.map { DisplayWidth.of($0.keys) } }.max() ?? 0)
        return sections.map { section in
            [section.title]
                + section.entries.map { entry in
                    let keys = DisplayWidth.truncate(entry.keys, to: keyWidth)
                    return "  " + keys
                        + String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys) + 2))
                        + entry.summary
                }
        }
    }

    /// Fills `columns` columns top to bottom with whole blocks, balancing their heights.
    private static func balance(_ blocks: [[String]], into columns: Int) -> [[String]] {
        let total = blocks.reduce(0) { $0 + $1.count + 1 }
        let target = (total + columns - 1) / columns
        var columnLines: [[String]] = [[]]
        for block in blocks {
            if columnLines[columnLines.count - 1].count >= target, columnLines.count < columns {
                columnLines.append([])
            }
            if !columnLines[columnLines.count - 1].isEmpty {
                columnLines[columnLines.count - 1].append("")
            }
            columnLines[columnLines.count - 1] += block
        }
        return columnLines
    }

    /// Columns of at most `height` lines, whole blocks where they fit; a block taller than a
    /// column is split between columns.
    private static func flow(_ blocks: [[String]], height: Int) -> [[String]] {
        var columns: [[String]] = []
        var current: [String] = []
        for block in blocks {
            let separator = current.isEmpty ? 0 : 1
            if current.count + separator + block.count > height, !current.isEmpty {
                columns.append(current)
                current = []
            }
            if !current.isEmpty { current.append("") }
            for line in block {
                if current.count == height {
                    columns.append(current)
                    current = []
                }
                current.append(line)
            }
        }
        if !current.isEmpty { columns.append(current) }
        return columns
    }

    /// The columns side by side, one text line per row, `rows` rows (the tallest by default).
    private static func join(_ columnLines: [[String]], columnWidth: Int, rows: Int? = nil) -> [String] {
        let height = rows ?? (columnLines.map(\.count).max() ?? 0)
        return (0..<height).map { row in
            columnLines.enumerated().map { index, lines in
                let text = DisplayWidth.truncate(row < lines.count ? lines[row] : "", to: columnWidth - 2)
                let isLast = index == columnLines.count - 1
                return isLast
                    ? text : text + String(repeating: " ", count: max(0, columnWidth - DisplayWidth.of(text)))
            }.joined()
        }
    }
}

extension Canvas {
    /// Draws the help box filling most of `area`, with a hint line at the bottom.
    public mutating func drawHelpOverlay(
        _ help: HelpOverlay, in area: Rect, footer: String = "Esc close · j/k scroll"
    ) {
        let frame = area
        guard frame.width > 10, frame.height > 4 else { return }
        fill(frame)
        box(frame, title: help.title, style: Style(bold: true))
        let inner = frame.inset(by: 1)
        let rows = inner.height - 1
        let lines = help.lines(width: inner.width - 2, height: rows)
        let start = min(help.scroll, max(0, lines.count - rows))
        let titles = Set(help.sections.map(\.title))
        let columnWidth = (inner.width - 2) / HelpOverlay.columnCount(width: inner.width - 2)
        for (index, line) in lines.dropFirst(start).prefix(rows).enumerated() {
            // Each column's part of the line is drawn on its own, so a section title is bold
            // in whichever column it stands.
            var rest = Substring(line)
            var x = inner.x + 1
            while !rest.isEmpty {
                let part = rest.prefix(columnWidth)
                rest = rest.dropFirst(part.count)
                let isTitle = titles.contains(String(part).trimmingTrailingSpaces)
                put(String(part), x: x, y: inner.y + index, maxWidth: inner.maxX - 1 - x, style: Style(bold: isTitle))
                x += columnWidth
            }
        }
        let more = lines.count - start > rows ? " · more below" : ""
        put(
            footer + more, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2,
            style: Style(dim: true))
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

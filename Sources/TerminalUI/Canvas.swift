import TerminalText

/// One cell of the grid. A wide character fills its cell and leaves the next one as a
/// continuation (empty `text`), which the terminal layer skips.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

/// A grid of cells that views draw into. Pure data: rendering a screen makes a `Canvas`,
/// tests compare its ``text`` to a snapshot, and the terminal layer copies it to ncurses.
public struct Canvas: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public init(width: Int, height: Int) { self.init(size: Size(width: width, height: height)) }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * size.width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    /// Writes `text` from (x, y) on one row, clipped to `maxWidth` columns (and the canvas),
    /// truncated with `…` when it does not fit. Control characters are never written.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - max(x, 0))
        guard limit > 0 else { return 0 }
        let safe = Sanitizer.clean(text)
        let fitted = DisplayWidth.of(safe) > limit ? DisplayWidth.truncate(safe, to: limit) : safe
        var column = x
        for character in fitted {
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A lone combining mark joins the previous cell rather than taking one.
                if column > x { self[column - 1, y].text.append(character) }
                continue
            }
            if column + width > x + limit { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(text: String(character), style: style)
                if width == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = Cell(text: "", style: style)
                }
            }
            column += width
        }
        return column - x
    }

    /// Writes `text` in a `width`-column field: left-aligned and padded with spaces (so a
    /// shorter value overwrites a longer old one), or right-aligned.
    public mutating func put(
        _ text: String, x: Int, y: Int, width: Int, alignRight: Bool = false, style: Style = .plain
    ) {
        guard width > 0 else { return }
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let textWidth = min(DisplayWidth.of(text), width)
        put(text, x: alignRight ? x + width - textWidth : x, y: y, maxWidth: width, style: style)
    }

    /// Fills a rectangle with `character` in `style`.
    public mutating func fill(_ rect: Rect, character: Character = " ", style: Style = .plain) {
        let text = String(character)
        for y in max(rect.y, 0)..<min(rect.maxY, size.height) where y >= 0 {
            for x in max(rect.x, 0)..<min(rect.maxX, size.width) where x >= 0 {
                self[x, y] = Cell(text: text, style: style)
            }
        }
    }

    /// Draws a single-line box around `rect` with an optional title in the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            self[x, rect.y] = Cell(text: "─", style: style)
            self[x, rect.maxY - 1] = Cell(text: "─", style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            self[rect.x, y] = Cell(text: "│", style: style)
            self[rect.maxX - 1, y] = Cell(text: "│", style: style)
        }
        self[rect.x, rect.y] = Cell(text: "┌", style: style)
        self[rect.maxX - 1, rect.y] = Cell(text: "┐", style: style)
        self[rect.x, rect.maxY - 1] = Cell(text: "└", style: style)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(text: "┘", style: style)
        if let title, !title.isEmpty, rect.width > 4 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, style: titleStyle ?? style)
        }
    }

    /// The grid as text, one line per row with trailing spaces removed: what snapshot tests
    /// compare and what a user would see in a monochrome terminal.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(size.height)
        for y in 0..<size.height {
            var line = ""
            for x in 0..<size.width { line += cells[y * size.width + x].text }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Rows that differ from `other` (same size), for the terminal layer and for benchmarks.
    public func changedRows(since other: Canvas) -> [Int] {
        guard other.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { y in
            let start = y * size.width
            return cells[start..<start + size.width] != other.cells[start..<start + size.width]
        }
    }

    // Overwriting half of a wide character blanks its other half, so no orphan is left.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = .blank
        } else if x + 1 < size.width, self[x + 1, y].isContinuation, DisplayWidth.of(cell.text) == 2 {
            self[x + 1, y] = .blank
        }
    }
}

import TerminalText

/// A plain-text table with columns aligned by display width (wide characters count two).
///
/// Cells are stripped of control characters, since names and URLs come from the network.
/// The last column is not padded, so lines carry no trailing spaces.
struct TextTable {
    /// One cell: its text and an optional colour used only when colours are on.
    struct Cell: ExpressibleByStringLiteral, Equatable {
        var text: String
        var color: ANSIColor?

        init(_ text: String, color: ANSIColor? = nil) {
            self.text = text
            self.color = color
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    var headers: [String]
    var rows: [[Cell]] = []
    /// The widest a column may be; longer cells end in `…`.
    var maximumColumnWidth = 80

    init(headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [Cell]) {
        rows.append(row)
    }

    func render(color: Bool) -> String {
        let columnCount = headers.count
        let cleanHeaders = headers.map { Sanitizer.clean($0) }
        let cleanRows = rows.map { row in
            (0..<columnCount).map { index -> Cell in
                guard index < row.count else { return Cell("") }
                let cell = row[index]
                return Cell(
                    DisplayWidth.truncate(Sanitizer.clean(cell.text), to: maximumColumnWidth),
                    color: cell.color)
            }
        }
        var widths = cleanHeaders.map { DisplayWidth.of($0) }
        for row in cleanRows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell.text))
            }
        }
        func line(_ cells: [Cell], headerStyle: Bool) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == columnCount - 1
                let padding =
                    isLast ? "" : String(repeating: " ", count: widths[index] - DisplayWidth.of(cell.text))
                var text = cell.text
                if color, headerStyle {
                    text = ANSIColor.bold(text)
                } else if color, let tint = cell.color {
                    text = tint.apply(text)
                }
                parts.append(text + padding)
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined
        }
        var lines = [line(cleanHeaders.map { Cell($0) }, headerStyle: true)]
        lines += cleanRows.map { line($0, headerStyle: false) }
        return lines.joined(separator: "\n")
    }
}

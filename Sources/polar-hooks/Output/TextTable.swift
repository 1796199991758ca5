import TerminalText

/// A plain-text table with columns aligned by display width (wide characters count two).
///
/// Cells are stripped of control characters, since names and URLs come from the network.
/// The last column is not padded, so lines carry no trailing spaces.
struct TextTable {
    /// One cell: its text and an optional colour used only when colours are on.
    struct Cell: ExpressibleByStringLiteral, Equatable {
        var text: String
        var color: TextStyle?

        init(_ text: String, color: TextStyle? = nil) {
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

    /// The table; colours (a bold header, tinted cells) show where the console uses them.
    func render() -> StyledText {
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
        func line(_ cells: [Cell], headerStyle: Bool) -> StyledText {
            // Cells after the last non-empty one are left out, and the last one is not padded,
            // so lines carry no trailing spaces.
            let end = (cells.lastIndex { !$0.text.isEmpty } ?? -1) + 1
            var line = StyledText()
            for (index, cell) in cells[..<end].enumerated() {
                if index > 0 { line += "  " }
                line += StyledText(cell.text, style: headerStyle ? .bold : cell.color)
                if index < end - 1 {
                    line += StyledText(String(repeating: " ", count: widths[index] - DisplayWidth.of(cell.text)))
                }
            }
            return line
        }
        var table = line(cleanHeaders.map { Cell($0) }, headerStyle: true)
        for row in cleanRows { table += "\n" + line(row, headerStyle: false) }
        return table
    }
}

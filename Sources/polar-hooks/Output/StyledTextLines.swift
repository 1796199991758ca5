import TerminalText

extension StyledText {
    /// The text cut at its newlines, each line keeping its pieces' styles.
    var lines: [StyledText] {
        var lines: [StyledText] = [StyledText()]
        for piece in pieces {
            let parts = piece.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { lines.append(StyledText()) }
                if !part.isEmpty { lines[lines.count - 1] += StyledText(String(part), style: piece.style) }
            }
        }
        return lines
    }

    /// At most `columns` wide (as the text will be shown, cleaned), cut with `…`.
    func truncated(to columns: Int) -> StyledText {
        var result = StyledText()
        var remaining = columns
        for piece in pieces {
            let text = Sanitizer.clean(piece.text)
            let width = DisplayWidth.of(text)
            if width <= remaining {
                result += StyledText(text, style: piece.style)
                remaining -= width
                continue
            }
            // This piece does not fit: cut it so that the ellipsis ends the line.
            result += StyledText(DisplayWidth.truncate(text, to: remaining), style: piece.style)
            break
        }
        return result
    }
}

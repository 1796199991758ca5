extension Canvas {
    /// Draws a text field in one row of `rect`: the text (scrolled so the cursor shows) on an
    /// underlined strip, the cursor as a reversed cell when `focused`, bullets when `masked`,
    /// and a dim `placeholder` when the field is empty.
    public mutating func drawTextField(
        _ field: TextField, in rect: Rect, focused: Bool, masked: Bool = false,
        placeholder: String = "", style: Style = .plain
    ) {
        guard rect.width > 0, rect.height > 0 else { return }
        let strip = style.with(underline: true)
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: strip)
        let shown = masked ? TextField(String(repeating: "•", count: field.text.count)) : field
        var window = shown.window(width: rect.width)
        if masked {
            // The mask has one cell per character; keep the real cursor position.
            let real = field.window(width: rect.width)
            window.cursorColumn = min(real.cursorColumn, rect.width - 1)
            window.text = String(repeating: "•", count: min(field.text.count, rect.width))
        }
        if field.isEmpty, !placeholder.isEmpty {
            put(
                placeholder, x: rect.x + (focused ? 1 : 0), y: rect.y,
                maxWidth: rect.width - (focused ? 1 : 0),
                style: strip.with(dim: true))
        } else {
            put(window.text, x: rect.x, y: rect.y, maxWidth: rect.width, style: strip)
        }
        if focused {
            let x = rect.x + min(window.cursorColumn, rect.width - 1)
            var cell = self[x, rect.y]
            cell.style = cell.style.with(reverse: true)
            self[x, rect.y] = cell
        }
    }
}

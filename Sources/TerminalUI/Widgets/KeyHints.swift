import TerminalText

/// A key and a word for the footer: `n new`.
public struct KeyHint: Hashable, Sendable {
    public let key: String
    public let label: String
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

extension Canvas {
    /// Draws hints on one row, keys in bold, two spaces apart. A hint that does not fit is
    /// left out whole rather than cut; the last ones kept are `trailing` (e.g. help and quit),
    /// so the way out is always shown.
    public mutating func drawKeyHints(_ hints: [KeyHint], trailing: [KeyHint] = [], in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        func width(_ hint: KeyHint) -> Int {
            DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label) + 2
        }
        var budget = rect.width - 1 - trailing.map(width).reduce(0, +)
        var chosen: [KeyHint] = []
        for hint in hints where width(hint) <= budget {
            chosen.append(hint)
            budget -= width(hint)
        }
        var x = rect.x + 1
        for hint in chosen + trailing {
            guard x + width(hint) - 2 <= rect.maxX else { break }
            x += put(hint.key, x: x, y: rect.y, style: Style(bold: true))
            x += put(" " + hint.label, x: x, y: rect.y, style: Style(dim: true)) + 2
        }
    }
}

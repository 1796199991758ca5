/// A terminal colour. `.default` is the terminal's own foreground or background, so the
/// theme reads well on light and dark terminals alike.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case `default` = -1
    case black = 0
    case red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours plus attributes. Without colour (NO_COLOR), the terminal
/// layer keeps only the attributes, so every style must also read well in monochrome.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()

    public func with(bold: Bool? = nil, dim: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil) -> Style {
        var copy = self
        if let bold { copy.bold = bold }
        if let dim { copy.dim = dim }
        if let reverse { copy.reverse = reverse }
        if let underline { copy.underline = underline }
        return copy
    }
}

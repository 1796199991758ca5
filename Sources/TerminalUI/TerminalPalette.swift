/// Allocates ncurses colour pairs lazily, one per (foreground, background) that a frame
/// actually uses, and maps styles to renditions. Pure: the driver calls `init_pair` for
/// each ``Allocation`` it is handed.
struct TerminalPalette: Sendable {
    /// A pair the driver must define before drawing with it.
    struct Allocation: Hashable, Sendable {
        var pair: Int16
        var foreground: Int16
        var background: Int16
    }

    private struct Colors: Hashable {
        var foreground: Color
        var background: Color
    }

    let colorEnabled: Bool
    /// Whether `use_default_colors` succeeded, so -1 means "the terminal's own colour".
    let defaultColors: Bool
    /// `COLOR_PAIRS`: pairs 1..<maxPairs are ours to define.
    let maxPairs: Int
    private var pairs: [Colors: Int16] = [:]

    init(colorEnabled: Bool, defaultColors: Bool = true, maxPairs: Int) {
        self.colorEnabled = colorEnabled
        self.defaultColors = defaultColors
        self.maxPairs = min(maxPairs, Int(Int16.max))
    }

    /// How many pairs have been defined so far.
    var allocatedPairs: Int { pairs.count }

    /// The rendition for `style`, and the pair to define first when it is new. When every
    /// pair is taken the style falls back to the default colours (attributes are kept).
    mutating func rendition(for style: Style) -> (TerminalRendition, Allocation?) {
        let attributes = TerminalRendition.attributes(for: style, colorEnabled: colorEnabled)
        guard colorEnabled else { return (TerminalRendition(attributes: attributes, pair: 0), nil) }
        let colors = Colors(foreground: style.foreground, background: style.background)
        let foreground = number(colors.foreground, fallback: .white)
        let background = number(colors.background, fallback: .black)
        if defaultColors, colors.foreground == .default, colors.background == .default {
            return (TerminalRendition(attributes: attributes, pair: 0), nil)
        }
        if let pair = pairs[colors] { return (TerminalRendition(attributes: attributes, pair: pair), nil) }
        let next = pairs.count + 1
        guard next < maxPairs else { return (TerminalRendition(attributes: attributes, pair: 0), nil) }
        let pair = Int16(next)
        pairs[colors] = pair
        return (
            TerminalRendition(attributes: attributes, pair: pair),
            Allocation(pair: pair, foreground: foreground, background: background)
        )
    }

    // Without default-colour support a terminal cannot take -1; white on black is the
    // classic default.
    private func number(_ color: Color, fallback: Color) -> Int16 {
        let resolved = color == .default && !defaultColors ? fallback : color
        return Int16(resolved.rawValue)
    }
}

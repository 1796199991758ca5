/// How one ``Style`` is drawn on this terminal: attributes plus a colour pair number.
/// Independent of ncurses so the mapping can be tested; the driver turns it into `attr_t`.
struct TerminalRendition: Hashable, Sendable {
    /// Video attributes, as bits the driver maps one to one onto ncurses' `A_*`.
    struct Attributes: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let bold = Attributes(rawValue: 1 << 0)
        static let dim = Attributes(rawValue: 1 << 1)
        static let reverse = Attributes(rawValue: 1 << 2)
        static let underline = Attributes(rawValue: 1 << 3)
    }

    var attributes: Attributes
    /// 0 is the terminal's default colours.
    var pair: Int16

    static let plain = TerminalRendition(attributes: [], pair: 0)

    /// The attributes a style asks for. In monochrome a background colour was the only thing
    /// marking the cell (a badge, a selection), so it becomes reverse video instead of
    /// vanishing.
    static func attributes(for style: Style, colorEnabled: Bool) -> Attributes {
        var attributes: Attributes = []
        if style.bold { attributes.insert(.bold) }
        if style.dim { attributes.insert(.dim) }
        if style.reverse { attributes.insert(.reverse) }
        if style.underline { attributes.insert(.underline) }
        if !colorEnabled, style.background != .default { attributes.insert(.reverse) }
        return attributes
    }
}

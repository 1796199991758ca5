/// A run of terminal output made of pieces, each plain or in one ``TextStyle``.
///
/// This is how the commands colour what they print. Every piece is passed through
/// ``Sanitizer`` when the text is rendered, so a piece that came from the network can never
/// carry an escape sequence of its own: the only escape sequences in the result are the
/// styles added here.
public struct StyledText: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// One piece and its style (nil: plain).
    public struct Piece: Sendable, Hashable {
        public var text: String
        public var style: TextStyle?
    }

    public private(set) var pieces: [Piece]

    /// Plain text (cleaned when rendered).
    public init(_ text: String = "", style: TextStyle? = nil) {
        pieces = text.isEmpty ? [] : [Piece(text: text, style: style)]
    }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    /// `text` drawn in `style`.
    public static func styled(_ text: String, _ style: TextStyle) -> StyledText {
        StyledText(text, style: style)
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.pieces += rhs.pieces
        return result
    }

    public static func + (lhs: StyledText, rhs: String) -> StyledText { lhs + StyledText(rhs) }

    public static func + (lhs: String, rhs: StyledText) -> StyledText { StyledText(lhs) + rhs }

    public static func += (lhs: inout StyledText, rhs: StyledText) { lhs.pieces += rhs.pieces }

    /// The pieces joined, without styles: what a monochrome terminal or a pipe gets.
    public var plain: String { pieces.map { Sanitizer.clean($0.text, keepNewlines: true) }.joined() }

    /// The text for a terminal: each piece cleaned, styled pieces wrapped in SGR when `color`.
    public func rendered(color: Bool) -> String {
        var out = ""
        for piece in pieces {
            let text = Sanitizer.clean(piece.text, keepNewlines: true)
            if color, let style = piece.style, !text.isEmpty {
                out += "\u{1B}[\(style.parameter)m" + text + "\u{1B}[0m"
            } else {
                out += text
            }
        }
        return out
    }
}

/// The few SGR renditions the commands use.
public enum TextStyle: String, Sendable, Hashable {
    case bold
    case dim
    case red
    case green
    case yellow

    /// The SGR parameter.
    var parameter: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        }
    }
}

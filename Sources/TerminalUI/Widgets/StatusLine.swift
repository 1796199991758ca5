/// The one-line message under the key hints: what just happened, or what went wrong.
public struct StatusLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, success, warning, error

        /// A leading symbol, so the kind reads without colour too.
        public var symbol: String {
            switch self {
            case .info: "·"
            case .success: "✓"
            case .warning: "!"
            case .error: "✗"
            }
        }

        public var style: Style {
            switch self {
            case .info: .plain
            case .success: Style(foreground: .green)
            case .warning: Style(foreground: .yellow, bold: true)
            case .error: Style(foreground: .red, bold: true)
            }
        }
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

extension Canvas {
    /// Draws a status line in the first row of `rect`, after a space, truncated with `…`.
    public mutating func drawStatusLine(_ line: StatusLine, in rect: Rect) {
        guard rect.width > 2, rect.height > 0 else { return }
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        put(
            " \(line.kind.symbol) \(line.text)", x: rect.x, y: rect.y, maxWidth: rect.width,
            style: line.kind.style)
    }
}

import PolarAPI
import TerminalUI

/// The dashboard's styles. Every one reads in monochrome too (bold, reverse, dim).
enum Theme {
    static let title = Style(bold: true)
    static let label = Style(dim: true)
    static let dim = Style(dim: true)
    static let border = Style.plain
    static let focusedBorder = Style(foreground: .cyan, bold: true)
    static let selected = Style(reverse: true)
    static let selectedUnfocused = Style(bold: true, underline: true)
    static let enabled = Style(foreground: .green)
    static let disabled = Style(dim: true)
    static let error = Style(foreground: .red, bold: true)
    static let warning = Style(foreground: .yellow, bold: true)
    static let success = Style(foreground: .green)

    /// The environment badge: PRODUCTION in red must be impossible to miss.
    static func badge(for environment: PolarEnvironment) -> Style {
        let color: Color =
            switch environment {
            case .production: .red
            case .sandbox: .yellow
            case .custom: environment.badge == "LOCAL" ? .blue : .magenta
            }
        return Style(foreground: color, bold: true, reverse: true)
    }
}

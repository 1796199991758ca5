import TerminalText

/// A yes/no question in a box over the screen. The answer that does nothing ("No") is the
/// default and has the focus until the user moves it.
public struct Dialog: Hashable, Sendable {
    public var title: String
    public var message: String
    public var yesLabel: String
    public var noLabel: String
    /// True when the focus is on the yes button (Enter then answers yes).
    public var yesFocused: Bool
    /// Draws the frame and the yes button in red: the action destroys something.
    public var isDestructive: Bool

    public init(
        title: String, message: String, yesLabel: String = "Yes", noLabel: String = "No",
        yesFocused: Bool = false, isDestructive: Bool = false
    ) {
        self.title = title
        self.message = message
        self.yesLabel = yesLabel
        self.noLabel = noLabel
        self.yesFocused = yesFocused
        self.isDestructive = isDestructive
    }

    /// The box this dialog takes inside `area`: as wide as its text needs, up to 64 columns.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width - 2, max(40, min(64, DisplayWidth.of(message) + 4)))
        let lines = TextWrap.lines(message, width: max(1, width - 4))
        let height = min(area.height, lines.count + 6)
        return area.centered(Size(width: width, height: height))
    }
}

extension Canvas {
    /// Draws `dialog` centred in `area`, clearing what is under it.
    public mutating func drawDialog(_ dialog: Dialog, in area: Rect) {
        let frame = dialog.frame(in: area)
        guard frame.width >= 10, frame.height >= 5 else { return }
        let border = dialog.isDestructive ? Style(foreground: .red, bold: true) : Style(bold: true)
        // A blank margin keeps the text underneath from touching the frame.
        fill(Rect(x: frame.x - 1, y: frame.y, width: frame.width + 2, height: frame.height))
        box(frame, title: dialog.title, style: border)
        let inner = frame.inset(by: 1)
        let lines = TextWrap.lines(dialog.message, width: inner.width - 2)
        for (index, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
            put(line, x: inner.x + 1, y: inner.y + 1 + index, maxWidth: inner.width - 2)
        }
        let no = "[ \(dialog.noLabel) ]"
        let yes = "[ \(dialog.yesLabel) ]"
        let buttons = DisplayWidth.of(no) + 2 + DisplayWidth.of(yes)
        let y = inner.maxY - 1
        let x = inner.x + max(0, (inner.width - buttons) / 2)
        let yesStyle = dialog.isDestructive ? Style(foreground: .red, bold: true) : Style(bold: true)
        put(no, x: x, y: y, style: dialog.yesFocused ? .plain : Style(bold: true, reverse: true))
        put(
            yes, x: x + DisplayWidth.of(no) + 2, y: y,
            style: dialog.yesFocused ? yesStyle.with(reverse: true) : yesStyle)
    }
}

import TerminalUI

/// Rows and columns of the form inside its box.
struct FormLayout {
    static let labelWidth = 10

    let box: Rect
    let inner: Rect

    init(area: Rect) {
        box = area
        inner = area.inset(by: 1)
    }

    func row(_ field: FormField) -> Int {
        switch field {
        case .url: inner.y
        case .name: inner.y + 1
        case .format: inner.y + 2
        case .secret: inner.y + 3
        case .organization: inner.y + 4
        case .events: inner.y + 5
        case .save, .cancel: inner.maxY - 1
        }
    }

    /// The picker's rows: between the events line and the help line above the buttons.
    var pickerRect: Rect {
        Rect(x: inner.x + 2, y: inner.y + 6, width: inner.width - 3, height: pickerRows)
    }
    var pickerRows: Int { max(1, inner.height - 8) }
    var helpRow: Int { inner.maxY - 2 }

    var inputX: Int { inner.x + 1 + Self.labelWidth }
    /// The text input's width; the rest of the row is for its message.
    var inputWidth: Int { max(10, min(60, inner.width - Self.labelWidth - 34)) }
    var messageX: Int { inputX + inputWidth + 2 }
    var messageWidth: Int { max(0, inner.maxX - messageX - 1) }
}

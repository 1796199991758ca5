import TerminalUI

/// The deliveries browser's geometry, which `update` needs to page and scroll.
extension Layout {
    /// Rows of deliveries the browser shows (the box and the column header take three).
    var deliveryRows: Int { max(1, body.height - 3) }

    /// The picker's box: most of the body, not wider than its longest line needs.
    static func typePickerFrame(in body: Rect) -> Rect {
        let width = min(body.width - 4, 90)
        let height = max(3, body.height - 2)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y + 1, width: width, height: height)
    }

    /// Rows of types the picker shows (its box and the hint line take three).
    var typePickerRows: Int { max(1, Self.typePickerFrame(in: body).height - 3) }
}

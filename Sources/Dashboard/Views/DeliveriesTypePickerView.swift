import PolarAPI
import TerminalUI

/// `T` in the deliveries browser: Polar's event types in their groups, over the list, to pick
/// which types the server sends back. Nothing checked means every type.
enum DeliveriesTypePickerView {
    static func draw(_ browser: DeliveriesState, into canvas: inout Canvas, in body: Rect) {
        guard let picker = browser.typePicker else { return }
        let frame = Layout.typePickerFrame(in: body)
        canvas.fill(frame, style: .plain)
        let count = picker.checked.count
        let title = "Event types · " + (count == 0 ? "all" : "\(count) of \(picker.itemCount)")
        canvas.box(frame, title: title, style: Theme.focusedBorder)
        let inner = frame.inset(by: 1)
        guard inner.height > 1, inner.width > 10 else { return }
        if browser.isEditingTypeFilter || !picker.filter.isEmpty {
            let x = inner.x + 1 + canvas.put("/", x: inner.x + 1, y: inner.y, style: Theme.title)
            let field = Rect(x: x, y: inner.y, width: max(0, min(32, inner.maxX - x - 1)), height: 1)
            if browser.isEditingTypeFilter {
                canvas.drawTextField(browser.typeFilter, in: field, focused: true)
            } else {
                canvas.put(picker.filter, x: x, y: inner.y, maxWidth: field.width)
            }
        } else {
            canvas.put(
                "Deliveries of the checked types; none checked shows every type.", x: inner.x + 1, y: inner.y,
                maxWidth: inner.width - 2, style: Theme.dim)
        }
        let tree = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1)
        canvas.drawCheckTree(picker, in: tree, focused: !browser.isEditingTypeFilter)
    }
}

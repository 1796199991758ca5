import TerminalUI

/// Where everything goes at a given terminal size. Pure arithmetic, shared by `render` and by
/// `update` (which needs the list height to page).
struct Layout {
    static let minimumSize = Size(width: 60, height: 15)

    let size: Size
    let header: Rect
    let body: Rect
    let footer: Rect
    let status: Rect
    /// Wide: the list on the left; narrow: the whole body.
    let list: Rect
    /// Wide: the detail on the right; narrow: the whole body.
    let detail: Rect

    /// `wideList`: the list gets more room, for the health column.
    init(size: Size, wideList: Bool = false) {
        self.size = size
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (top, rest) = full.splitTop(1)
        let (middle, bottom) = rest.splitBottom(2)
        header = top
        body = middle
        footer = Rect(x: 0, y: bottom.y, width: size.width, height: 1)
        status = Rect(x: 0, y: bottom.y + 1, width: size.width, height: 1)
        if size.width >= 100 {
            let listWidth =
                wideList ? min(72, max(38, size.width * 45 / 100)) : min(60, max(38, size.width * 38 / 100))
            (list, detail) = middle.splitLeft(listWidth)
        } else {
            list = middle
            detail = middle
        }
    }

    var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// Rows of endpoints the list box shows.
    var listRows: Int { max(1, list.height - 2) }

    /// Rows of text the detail box shows.
    var detailRows: Int { max(1, detail.height - 2) }

    /// The form's box, and the rows its event picker gets.
    var form: Rect { body }
}

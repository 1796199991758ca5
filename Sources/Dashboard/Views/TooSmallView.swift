import TerminalText
import TerminalUI

/// What a terminal under 60×15 shows instead of a broken layout.
enum TooSmallView {
    static func draw(into canvas: inout Canvas, size: Size) {
        let minimum = Layout.minimumSize
        let lines = [
            "Terminal too small",
            "\(size.width)×\(size.height); polar-hooks needs \(minimum.width)×\(minimum.height).",
            "Make the window bigger, or q to quit.",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let wrapped = DisplayWidth.truncate(line, to: size.width)
            let x = max(0, (size.width - DisplayWidth.of(wrapped)) / 2)
            canvas.put(wrapped, x: x, y: top + index, style: index == 0 ? Theme.title : .plain)
        }
    }
}

import TerminalText

/// What the driver sends to ncurses for one frame: the cells that differ from a blank
/// screen, each as the wide-character string `setcchar` takes. Pure, so what reaches the
/// terminal can be tested without one.
struct TerminalDrawPlan: Sendable {
    /// One cell to draw.
    struct Instruction: Hashable, Sendable {
        var x: Int
        var y: Int
        /// A spacing character followed by at most ``maxCombining`` zero-width ones.
        var scalars: [UInt32]
        var style: Style
    }

    /// ncurses keeps a spacing character and up to four combining marks per cell
    /// (`CCHARW_MAX` is 5).
    static let maxCombining = 4

    let instructions: [Instruction]

    /// The cells of `canvas` inside `size` (a frame rendered for an older size is clipped).
    /// Plain blanks are left out (`erase()` has blanked the screen already) and so are the
    /// continuation cells of wide characters, which the terminal fills itself.
    init(canvas: Canvas, clippedTo size: Size) {
        let width = min(canvas.size.width, size.width)
        let height = min(canvas.size.height, size.height)
        var instructions: [Instruction] = []
        for y in 0..<max(height, 0) {
            for x in 0..<max(width, 0) {
                let cell = canvas[x, y]
                if cell.isContinuation || (cell.text == " " && cell.style == .plain) { continue }
                instructions.append(Instruction(x: x, y: y, scalars: Self.scalars(cell.text), style: cell.style))
            }
        }
        self.instructions = instructions
    }

    /// The scalars ncurses can hold for `text`: its first scalar (a control character, which
    /// the canvas never holds, would become U+FFFD) and the zero-width ones after it.
    static func scalars(_ text: String) -> [UInt32] {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return [0x20] }
        var result = [Sanitizer.isControl(first) ? 0xFFFD : first.value]
        while let next = scalars.next(), result.count <= maxCombining {
            if DisplayWidth.of(next) == 0, !Sanitizer.isControl(next) { result.append(next.value) }
        }
        return result
    }
}

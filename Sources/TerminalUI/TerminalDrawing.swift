import CNcurses

extension Terminal {
    /// Paints `canvas` over the previous frame: `erase()`, every non-blank cell, then one
    /// `doupdate()`, so ncurses sends only the cells that changed. A canvas of another size
    /// is clipped to the terminal.
    public func draw(_ canvas: Canvas) {
        guard isActive else { return }
        werase(window)
        let plan = TerminalDrawPlan(canvas: canvas, clippedTo: size)
        var text = [wchar_t](repeating: 0, count: TerminalDrawPlan.maxCombining + 2)
        for instruction in plan.instructions {
            let (rendition, allocation) = palette.rendition(for: instruction.style)
            if let allocation { init_pair(allocation.pair, allocation.foreground, allocation.background) }
            for index in text.indices {
                text[index] = index < instruction.scalars.count ? wchar_t(bitPattern: instruction.scalars[index]) : 0
            }
            _ = ph_mvadd_cell(
                Int32(instruction.y), Int32(instruction.x), text, attributes(rendition.attributes), rendition.pair)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next ``draw(_:)`` repaint the whole screen (Ctrl-L), for when something
    /// else wrote to the terminal.
    public func redraw() {
        guard isActive else { return }
        clearok(ph_curscr(), true)
    }

    /// Puts `text` on the system clipboard with OSC 52, written straight to the tty (and
    /// wrapped for tmux passthrough inside tmux). Whether it lands depends on the terminal.
    public func copyToClipboard(_ text: String) {
        guard isActive else { return }
        writeToTerminal(ClipboardSequence.osc52(text, insideTmux: insideTmux))
    }

    /// Rings the terminal bell once (or flashes, as the terminal is set up to).
    public func bell() {
        guard isActive else { return }
        beep()
    }

    private func attributes(_ set: TerminalRendition.Attributes) -> attr_t {
        var result = ph_a_normal()
        for (attribute, bits) in attributeBits where set.contains(attribute) { result |= bits }
        return result
    }
}

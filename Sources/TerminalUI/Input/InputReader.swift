import CNcurses

/// Reads everything ncurses has for us without waiting (the window is in `nodelay` mode
/// and `poll` said the tty is readable): characters, function keys and extended keys.
enum InputReader {
    /// A bound on one batch, so a flood of input cannot grow memory without limit; the rest
    /// is read on the next call.
    static let maximumBatch = 1 << 16

    static func readAvailable(from window: UnsafeMutablePointer<WINDOW>) -> [InputUnit] {
        var units: [InputUnit] = []
        var value: wint_t = 0
        let keyCodeYes = ph_key_code_yes()
        let keyMax = ph_key_max()
        while units.count < maximumBatch {
            let result = ph_wget_wch(window, &value)
            if result == ph_ok() {
                units.append(.scalar(UInt32(value)))
            } else if result == keyCodeYes {
                let code = Int32(truncatingIfNeeded: value)
                if code > keyMax, code < InputKeyCode.pasteStart, let name = keyname(code) {
                    units.append(.keyName(String(cString: name)))
                } else {
                    units.append(.keyCode(code))
                }
            } else {
                break
            }
        }
        return units
    }

    /// The key a mouse event stands for: the wheel scrolls like ↑ and ↓; clicks do nothing.
    static func readMouseKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == ph_ok() else { return nil }
        if event.bstate & ph_button4_pressed() != 0 { return .up }
        let wheelDown = ph_button5_pressed()
        if wheelDown != 0, event.bstate & wheelDown != 0 { return .down }
        return nil
    }
}

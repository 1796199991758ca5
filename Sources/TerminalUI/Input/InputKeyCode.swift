import CNcurses

/// The ncurses function-key codes the decoder understands, and the two codes this layer
/// binds to the bracketed-paste markers with `define_key`.
enum InputKeyCode {
    static let up = Int32(KEY_UP)
    static let down = Int32(KEY_DOWN)
    static let left = Int32(KEY_LEFT)
    static let right = Int32(KEY_RIGHT)
    static let home = Int32(KEY_HOME)
    static let end = Int32(KEY_END)
    static let pageUp = Int32(KEY_PPAGE)
    static let pageDown = Int32(KEY_NPAGE)
    static let backTab = Int32(KEY_BTAB)
    static let enter = Int32(KEY_ENTER)
    static let backspace = Int32(KEY_BACKSPACE)
    static let delete = Int32(KEY_DC)
    static let insert = Int32(KEY_IC)
    /// Keys that some terminals send for Home and End (vt220 Find/Select, the keypad's
    /// corners, "beginning" and "lower left").
    static let find = Int32(KEY_FIND)
    static let select = Int32(KEY_SELECT)
    static let beginning = Int32(KEY_BEG)
    static let lowerLeft = Int32(KEY_LL)
    static let keypadUpperLeft = Int32(KEY_A1)
    static let keypadUpperRight = Int32(KEY_A3)
    static let keypadLowerLeft = Int32(KEY_C1)
    static let keypadLowerRight = Int32(KEY_C3)
    /// Ctrl-Z on terminals whose terminfo names it the suspend key (kspd, as TERM=linux does).
    static let suspend = Int32(KEY_SUSPEND)
    static let resize = ph_key_resize()
    static let mouse = ph_key_mouse()
    static func function(_ number: Int) -> Int32 { ph_key_f(Int32(number)) }

    /// Codes far above ncurses' own range (`KEY_MAX` is 511; run-time extended keys are
    /// numbered just above it), bound to "\e[200~" and "\e[201~".
    static let pasteStart: Int32 = 0x7A00
    static let pasteEnd: Int32 = 0x7A01
}

/// One item read from the terminal, before decoding: what `wget_wch` hands back.
///
/// The decoder works on these rather than on ncurses calls, so every key can be tested
/// without a terminal.
enum InputUnit: Hashable, Sendable {
    /// A character code (`wget_wch` returned `OK`): a Unicode scalar value, or a control byte.
    case scalar(UInt32)
    /// A function-key code (`wget_wch` returned `KEY_CODE_YES`), such as `KEY_UP`.
    case keyCode(Int32)
    /// An extended key that terminfo names but ncurses numbers at run time, by its
    /// capability name (`kUP5` is Ctrl-Up, `kHOM3` Alt-Home).
    case keyName(String)

    /// Units for `text`, one per Unicode scalar: how a terminal delivers typed characters.
    static func units(_ text: String) -> [InputUnit] {
        text.unicodeScalars.map { .scalar($0.value) }
    }

    /// Units for raw UTF-8 bytes from a terminal. Invalid sequences become U+FFFD, as a
    /// UTF-8 terminal would show them.
    static func units(utf8 bytes: [UInt8]) -> [InputUnit] {
        var units: [InputUnit] = []
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): units.append(.scalar(scalar.value))
            case .error: units.append(.scalar(0xFFFD))
            case .emptyInput: break loop
            }
        }
        return units
    }
}

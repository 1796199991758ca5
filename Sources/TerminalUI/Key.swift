/// A key press or terminal event, decoded from ncurses input.
///
/// Characters are what the user typed (layout-independent): `.character("?")` is `?` on any
/// keyboard layout.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter, lower-case (`.control("s")` is Ctrl-S).
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab
    case enter, escape, backspace, delete, insert
    /// F1…F12.
    case function(Int)
    /// Text pasted with bracketed paste, delivered whole so it is not read as commands.
    case paste(String)
}

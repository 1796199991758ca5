import TerminalText

/// The editing model of a one-line text field: the text and a cursor, changed by keys.
///
/// Pure data: a view draws it with ``Canvas/drawTextField(_:in:focused:masked:placeholder:style:)``.
/// The cursor counts characters (grapheme clusters), so a wide character or an emoji is one
/// step for ←/→ and one deletion for Backspace.
public struct TextField: Hashable, Sendable {
    /// What a key did to the field.
    public enum Outcome: Hashable, Sendable {
        /// The key is not an editing key; the caller may use it.
        case ignored
        /// Only the cursor moved.
        case moved
        /// The text changed.
        case changed
    }

    public private(set) var text: String
    /// The cursor, as a character offset from the start (0…count).
    public private(set) var cursor: Int

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the whole text; the cursor goes to the end.
    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies one key. Printable characters and pastes insert; the rest edit or move the
    /// way readline does (Ctrl-A/E, Ctrl-U/K/W).
    @discardableResult
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            guard !character.unicodeScalars.contains(where: Sanitizer.isControl) else { return .ignored }
            insert(String(character))
            return .changed
        case .paste(let pasted):
            // One line: a pasted line break (e.g. a copied URL with its newline) is dropped.
            let line = pasted.unicodeScalars.filter { !Sanitizer.isControl($0) }
            guard !line.isEmpty else { return .ignored }
            insert(String(String.UnicodeScalarView(line)))
            return .changed
        case .left:
            return moveCursor(to: cursor - 1)
        case .right:
            return moveCursor(to: cursor + 1)
        case .home, .control("a"):
            return moveCursor(to: 0)
        case .end, .control("e"):
            return moveCursor(to: text.count)
        case .backspace, .control("h"):
            guard cursor > 0 else { return .moved }
            remove(from: cursor - 1, to: cursor)
            return .changed
        case .delete, .control("d"):
            guard cursor < text.count else { return .moved }
            remove(from: cursor, to: cursor + 1)
            return .changed
        case .control("u"):
            guard cursor > 0 else { return .moved }
            remove(from: 0, to: cursor)
            return .changed
        case .control("k"):
            guard cursor < text.count else { return .moved }
            remove(from: cursor, to: text.count)
            return .changed
        case .control("w"):
            guard cursor > 0 else { return .moved }
            remove(from: wordStart(before: cursor), to: cursor)
            return .changed
        default:
            return .ignored
        }
    }

    /// The part of the text to show in `width` columns so the cursor stays visible, and the
    /// cursor's column within it. Text scrolls left only as far as the cursor needs.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        let columns = characters.map { DisplayWidth.of($0) }
        let cursorColumn = columns[..<cursor].reduce(0, +)
        // Leave one column for the cursor when it sits at the end.
        var start = 0
        var startColumn = 0
        while cursorColumn - startColumn > width - 1, start < characters.count {
            startColumn += columns[start]
            start += 1
        }
        var visible = ""
        var used = 0
        for index in start..<characters.count {
            if used + columns[index] > width { break }
            visible.append(characters[index])
            used += columns[index]
        }
        return (visible, cursorColumn - startColumn)
    }

    private mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: string, at: index)
        cursor += string.count
    }

    private mutating func remove(from lower: Int, to upper: Int) {
        let start = text.index(text.startIndex, offsetBy: lower)
        let end = text.index(text.startIndex, offsetBy: upper)
        text.removeSubrange(start..<end)
        cursor = lower
    }

    private mutating func moveCursor(to position: Int) -> Outcome {
        cursor = min(max(0, position), text.count)
        return .moved
    }

    // Ctrl-W deletes back over spaces, then over the word before them (readline's rule,
    // with `/`, `.` and `:` also ending a word so a URL is trimmed one part at a time).
    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index > 0, isSeparator(characters[index - 1]) { index -= 1 }
        while index > 0, !isSeparator(characters[index - 1]) { index -= 1 }
        return index
    }

    private func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "/" || character == "." || character == ":"
    }
}

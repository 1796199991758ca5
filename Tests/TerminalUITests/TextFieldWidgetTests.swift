import Testing

@testable import TerminalUI

@Suite struct TextFieldWidgetTests {
    @Test func insertsAtTheCursor() {
        var field = TextField("hllo")
        field.handle(.home)
        field.handle(.right)
        #expect(field.handle(.character("e")) == .changed)
        #expect(field.text == "hello")
        #expect(field.cursor == 2)
    }

    @Test func readlineKeys() {
        var field = TextField("https://example.com/path")
        field.handle(.control("w"))
        #expect(field.text == "https://example.com/")
        field.handle(.control("a"))
        field.handle(.control("k"))
        #expect(field.text == "")
        field = TextField("abc def")
        field.handle(.left)
        field.handle(.left)
        field.handle(.control("u"))
        #expect(field.text == "ef")
        #expect(field.cursor == 0)
        field.handle(.delete)
        #expect(field.text == "f")
        field.handle(.end)
        field.handle(.backspace)
        #expect(field.text == "")
    }

    @Test func wideCharactersAreOneStep() {
        var field = TextField("日本")
        field.handle(.backspace)
        #expect(field.text == "日")
        field.handle(.character("👍"))
        #expect(field.text == "日👍")
        #expect(field.cursor == 2)
    }

    @Test func pasteDropsLineBreaksAndControls() {
        var field = TextField()
        #expect(field.handle(.paste("https://x.example/\n")) == .changed)
        #expect(field.text == "https://x.example/")
        #expect(field.handle(.paste("\u{1B}\n")) == .ignored)
        #expect(field.handle(.character("\u{7}")) == .ignored)
    }

    @Test func otherKeysAreIgnored() {
        var field = TextField("a")
        #expect(field.handle(.tab) == .ignored)
        #expect(field.handle(.control("s")) == .ignored)
        #expect(field.handle(.enter) == .ignored)
    }

    @Test func windowScrollsToKeepTheCursorVisible() {
        let field = TextField("abcdefghij")
        let window = field.window(width: 5)
        #expect(window.text == "ghij")
        #expect(window.cursorColumn == 4)
        var start = field
        start.handle(.home)
        #expect(start.window(width: 5).text == "abcde")
        #expect(start.window(width: 5).cursorColumn == 0)
    }

    @Test func drawsMaskedAndWithACursor() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.drawTextField(
            TextField("secret"), in: Rect(x: 0, y: 0, width: 10, height: 1), focused: true, masked: true)
        #expect(canvas.text == "••••••")
        #expect(canvas[6, 0].style.reverse)
        #expect(!canvas[5, 0].style.reverse)
    }
}

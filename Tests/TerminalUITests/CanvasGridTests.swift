import TerminalText
import Testing

@testable import TerminalUI

@Suite struct CanvasGridTests {
    @Test func putWritesTextAndReportsColumns() {
        var canvas = Canvas(width: 10, height: 2)
        let written = canvas.put("hello", x: 1, y: 0)
        #expect(written == 5)
        #expect(canvas.text == " hello\n")
    }

    @Test func putTruncatesWithEllipsisAtTheLimit() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("https://example.com/webhooks", x: 0, y: 0, maxWidth: 10)
        #expect(canvas.text == "https://e…")
    }

    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日本語", x: 0, y: 0, maxWidth: 5)
        // Two wide characters need 4 columns; the third does not fit with the ellipsis.
        #expect(canvas.text == "日本…")
        #expect(canvas[1, 0].isContinuation)
        #expect(DisplayWidth.of("日本…") == 5)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("日", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)
        #expect(canvas.text == " x")
        #expect(!canvas[1, 0].isContinuation)
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("ok\u{1B}[2Jbad\u{07}\r\n", x: 0, y: 0)
        #expect(!canvas.text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(canvas.text.hasPrefix("ok\u{FFFD}[2Jbad"))
    }

    @Test func fixedWidthFieldPadsAndAlignsRight() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.put("xxxxxxxx", x: 0, y: 0)
        canvas.put("42", x: 0, y: 0, width: 6, alignRight: true)
        #expect(canvas.text == "    42xx")
    }

    @Test func boxDrawsCornersAndTitle() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, title: "List")
        #expect(canvas.text == "┌ List ────┐\n│          │\n└──────────┘")
    }

    @Test func changedRowsFindsOnlyTheRowsThatDiffer() {
        var before = Canvas(width: 5, height: 3)
        before.put("a", x: 0, y: 0)
        var after = before
        after.put("b", x: 0, y: 2)
        #expect(after.changedRows(since: before) == [2])
    }

    @Test func displayWidthMeasuresCombiningAndEmoji() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🎉") == 2)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", to: 4) == "abc")
    }
}

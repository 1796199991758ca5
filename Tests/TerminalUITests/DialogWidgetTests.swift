import Testing

@testable import TerminalUI

@Suite struct DialogWidgetTests {
    @Test func noIsFocusedByDefault() {
        let dialog = Dialog(title: "Delete", message: "Delete it?", yesLabel: "Delete")
        var canvas = Canvas(width: 60, height: 12)
        canvas.drawDialog(dialog, in: canvas.bounds)
        let text = canvas.text
        #expect(text.contains("Delete it?"))
        #expect(text.contains("[ No ]  [ Delete ]"))
        guard
            let row = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: {
                $0.contains("[ No ]")
            }),
            let column = text.split(separator: "\n", omittingEmptySubsequences: false)[row].firstIndex(
                of: "[")
        else {
            Issue.record("no buttons")
            return
        }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[row]
        let x = line.distance(from: line.startIndex, to: column)
        #expect(canvas[x, row].style.reverse)
    }

    @Test func longMessagesWrap() {
        let message = String(repeating: "word ", count: 40)
        let dialog = Dialog(title: "T", message: message)
        var canvas = Canvas(width: 50, height: 20)
        canvas.drawDialog(dialog, in: canvas.bounds)
        let lines = canvas.text.split(separator: "\n").filter { $0.contains("word") }
        #expect(lines.count > 3)
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(TextWrap.lines("aa bb cc", width: 5) == ["aa bb", "cc"])
        #expect(TextWrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextWrap.lines("a\nb", width: 5) == ["a", "b"])
    }

    @Test func statusLineShowsKindWithoutColour() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.drawStatusLine(StatusLine("Saved", kind: .success), in: canvas.bounds)
        #expect(canvas.text == " ✓ Saved")
        canvas.drawStatusLine(StatusLine("Failed", kind: .error), in: canvas.bounds)
        #expect(canvas.text == " ✗ Failed")
    }

    @Test func spinnerCycles() {
        #expect(Spinner.frame(at: 0) == Spinner.frame(at: Spinner.frames.count))
        #expect(Spinner.frame(at: -1) == Spinner.frames.last)
        #expect(Spinner.frame(at: 1) != Spinner.frame(at: 0))
    }
}

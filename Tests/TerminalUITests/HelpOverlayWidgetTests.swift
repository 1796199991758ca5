import Foundation
import Testing

@testable import TerminalUI

@Suite struct HelpOverlayWidgetTests {
    static let sections = [
        HelpOverlay.Section(
            title: "Left",
            entries: [("a", "first"), ("b", "second"), ("c", "third"), ("d", "fourth"), ("e", "fifth"), ("f", "sixth")]),
        HelpOverlay.Section(title: "Right", entries: [("x", "other"), ("y", "more")]),
    ]

    @Test func sectionTitlesAreBoldInEveryColumn() throws {
        var canvas = Canvas(width: 110, height: 12)
        canvas.drawHelpOverlay(HelpOverlay(sections: Self.sections), in: canvas.bounds)
        let text = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(text.firstIndex { $0.contains("Right") })
        let column = try #require(text[row].range(of: "Right")).lowerBound
        let x = text[row].distance(from: text[row].startIndex, to: column)
        #expect(canvas[x, row].style.bold)
        let leftRow = try #require(text.firstIndex { $0.contains("Left") })
        let leftX = text[leftRow].distance(
            from: text[leftRow].startIndex, to: try #require(text[leftRow].range(of: "Left")).lowerBound)
        #expect(canvas[leftX, leftRow].style.bold)
        // The two titles share a row: the columns are drawn side by side.
        #expect(row == leftRow)
        // Entries are not titles.
        let entryRow = try #require(text.firstIndex { $0.contains("first") })
        #expect(!canvas[2, entryRow].style.bold)
    }

    @Test func narrowOverlayUsesOneColumn() {
        let lines = HelpOverlay(sections: Self.sections).lines(width: 60)
        #expect(lines.first == "Left")
        #expect(lines.contains("Right"))
    }
}

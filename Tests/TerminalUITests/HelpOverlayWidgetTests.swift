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

extension HelpOverlayWidgetTests {
    @Test func balancedColumnsWhenEverythingFits() {
        let tall = HelpOverlay(sections: Self.sections).lines(width: 110, height: 20)
        #expect(tall.first?.hasPrefix("Left") == true && tall.first?.contains("Right") == true)
        #expect(tall.count == 7)
    }

    @Test func onAShortScreenColumnsFillLikePagesInReadingOrder() {
        // 4 rows: "Left" and three entries, then the other three entries beside them; the next
        // pair of columns ("Right") starts below, so scrolling down keeps the order.
        let short = HelpOverlay(sections: Self.sections).lines(width: 110, height: 4)
        #expect(short.count == 7)
        #expect(short[0].hasPrefix("Left") && short[0].contains("d"))
        #expect(short[2].contains("b") && short[2].contains("f"))
        #expect(short[3].hasPrefix("  c"))
        #expect(short[4] == "Right")
        #expect(short[6].contains("y") && short[6].contains("more"))
    }

    @Test func scrollingStopsAtTheLastLine() {
        let help = HelpOverlay(sections: Self.sections)
        // A box of 6 rows: 4 inside, one of them the hint line, so 3 rows a screen and two
        // screens of columns: 6 lines, 3 of them below the first screen.
        #expect(help.maxScroll(in: Rect(x: 0, y: 0, width: 110, height: 6)) == 3)
        #expect(help.maxScroll(in: Rect(x: 0, y: 0, width: 110, height: 40)) == 0)
    }
}

import Testing

@testable import TerminalUI

@Suite struct TerminalDrawPlanTests {
    @Test func plainBlanksAreLeftToErase() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.put("ab", x: 1, y: 1)
        let plan = TerminalDrawPlan(canvas: canvas, clippedTo: canvas.size)
        #expect(plan.instructions.map { [$0.x, $0.y] } == [[1, 1], [2, 1]])
        #expect(plan.instructions.map(\.scalars) == [[0x61], [0x62]])
    }

    @Test func styledBlanksAreDrawn() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.fill(Rect(x: 0, y: 0, width: 2, height: 1), style: Style(reverse: true))
        let plan = TerminalDrawPlan(canvas: canvas, clippedTo: canvas.size)
        #expect(plan.instructions.count == 2)
        #expect(plan.instructions.allSatisfy { $0.style.reverse && $0.scalars == [0x20] })
    }

    @Test func wideCharactersSkipTheirContinuationCell() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日🎉x", x: 0, y: 0)
        let plan = TerminalDrawPlan(canvas: canvas, clippedTo: canvas.size)
        #expect(plan.instructions.map(\.x) == [0, 2, 4])
        #expect(plan.instructions.map(\.scalars) == [[0x65E5], [0x1F389], [0x78]])
    }

    @Test func boxDrawingCharactersAreSentAsWideCharacters() {
        var canvas = Canvas(width: 3, height: 3)
        canvas.box(canvas.bounds)
        let plan = TerminalDrawPlan(canvas: canvas, clippedTo: canvas.size)
        #expect(plan.instructions.count == 8)
        #expect(plan.instructions.first?.scalars == [0x250C])
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(TerminalDrawPlan.scalars("e\u{301}") == [0x65, 0x301])
        #expect(TerminalDrawPlan.scalars("a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}").count == 5)
    }

    @Test func spacingCharactersAfterTheFirstAreDropped() {
        // A ZWJ sequence: ncurses holds one spacing character per cell.
        #expect(TerminalDrawPlan.scalars("👨\u{200D}👩") == [0x1F468, 0x200D])
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        #expect(TerminalDrawPlan.scalars("\u{1B}") == [0xFFFD])
        #expect(TerminalDrawPlan.scalars("") == [0x20])
    }

    @Test func aCanvasLargerThanTheTerminalIsClipped() {
        var canvas = Canvas(width: 5, height: 3)
        canvas.fill(canvas.bounds, character: "x")
        let plan = TerminalDrawPlan(canvas: canvas, clippedTo: Size(width: 2, height: 1))
        #expect(plan.instructions.map(\.x) == [0, 1])
        #expect(plan.instructions.allSatisfy { $0.y == 0 })
    }
}

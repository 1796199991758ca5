import Testing

@testable import TerminalUI

@Suite struct ScrollListWidgetTests {
    @Test func movesAndScrollsJustEnough() {
        var list = ScrollList(count: 100)
        list.move(.down, visibleRows: 10)
        #expect(list.selected == 1)
        #expect(list.offset == 0)
        for _ in 0..<10 { list.move(.down, visibleRows: 10) }
        #expect(list.selected == 11)
        #expect(list.offset == 2)
        #expect(list.visibleRange(rows: 10) == 2..<12)
    }

    @Test func pagingAndEnds() {
        var list = ScrollList(count: 100)
        let steps: [(movement: ScrollList.Movement, selected: Int)] = [
            (.pageDown, 9), (.halfPageDown, 14), (.bottom, 99), (.pageUp, 90), (.top, 0), (.up, 0),
        ]
        for step in steps {
            list.move(step.movement, visibleRows: 10)
            #expect(list.selected == step.selected, "after \(step.movement)")
            if step.movement == .bottom { #expect(list.visibleRange(rows: 10) == 90..<100) }
        }
    }

    @Test func shrinkingKeepsASelectionThatExists() {
        var list = ScrollList(count: 10, selected: 9)
        list.setCount(3, visibleRows: 5)
        #expect(list.selected == 2)
        list.setCount(0, visibleRows: 5)
        #expect(list.selected == 0)
        #expect(list.isEmpty)
        #expect(list.visibleRange(rows: 5).isEmpty)
    }

    @Test func aSmallerWindowStillShowsTheSelection() {
        var list = ScrollList(count: 50)
        list.select(30, visibleRows: 40)
        #expect(list.visibleRange(rows: 5).contains(30))
    }
}

import Testing

@testable import TerminalUI

@Suite struct CheckTreeWidgetTests {
    static let groups = [
        CheckTree.Group(
            id: "fruit", title: "Fruit",
            items: [
                .init(id: "apple", label: "apple", detail: "Red or green."),
                .init(id: "pear", label: "pear"),
            ]),
        CheckTree.Group(
            id: "veg", title: "Vegetables",
            items: [
                .init(id: "leek", label: "leek")
            ]),
    ]

    @Test func groupMarksAreTriState() {
        var tree = CheckTree(groups: Self.groups)
        #expect(tree.mark(ofGroup: 0) == .none)
        tree.setChecked(["apple"], to: true)
        #expect(tree.mark(ofGroup: 0) == .some)
        tree.setChecked(["pear"], to: true)
        #expect(tree.mark(ofGroup: 0) == .all)
        #expect(CheckTree.Mark.some.box == "[-]")
    }

    @Test func toggleGroupChecksAllThenNone() {
        var tree = CheckTree(groups: Self.groups, checked: ["apple"])
        #expect(tree.focusedRow == .group(0))
        tree.toggleFocused()
        #expect(tree.checkedIDs == ["apple", "pear"])
        tree.toggleFocused()
        #expect(tree.checkedIDs.isEmpty)
    }

    @Test func toggleAllAndNone() {
        var tree = CheckTree(groups: Self.groups)
        tree.toggleAll()
        #expect(tree.checked.count == 3)
        tree.toggleAll()
        #expect(tree.checked.isEmpty)
    }

    @Test func foldingHidesItems() {
        var tree = CheckTree(groups: Self.groups)
        #expect(tree.rows.count == 5)
        tree.toggleFoldFocused(visibleRows: 10)
        #expect(tree.rows == [.group(0), .group(1), .item(group: 1, item: 0)])
        tree.toggleFoldFocused(visibleRows: 10)
        #expect(tree.rows.count == 5)
    }

    @Test func filterShowsMatchesEvenInFoldedGroups() {
        var tree = CheckTree(groups: Self.groups, folded: ["fruit", "veg"])
        #expect(tree.rows.count == 2)
        tree.setFilter("PEA", visibleRows: 10)
        #expect(tree.rows == [.group(0), .item(group: 0, item: 1)])
        #expect(tree.focusedItem?.id == "pear")
        tree.toggleAll()
        #expect(tree.checkedIDs == ["pear"])
        tree.setFilter("", visibleRows: 10)
        #expect(tree.rows.count == 2)
    }

    @Test func drawsBoxesCountsAndTheFocusedMeaning() {
        var tree = CheckTree(groups: Self.groups, checked: ["apple"])
        tree.move(.down, visibleRows: 5)
        var canvas = Canvas(width: 50, height: 5)
        canvas.drawCheckTree(tree, in: canvas.bounds, focused: true)
        let lines = canvas.text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("▾ [-] Fruit"))
        #expect(lines[0].contains("1 of 2"))
        #expect(lines[1].contains("[x] apple"))
        #expect(lines[1].contains("Red or green."))
        #expect(lines[2].contains("[ ] pear"))
    }
}

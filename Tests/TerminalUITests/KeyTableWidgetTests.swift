import Testing

@testable import TerminalUI

@Suite struct KeyTableWidgetTests {
    enum Where: Hashable, Sendable { case list, everywhere }
    enum Do: Hashable, Sendable { case down, new, quit, help }

    static let table = KeyTable<Where, Do>([
        KeySection(
            .list, title: "List",
            bindings: [
                KeyBinding(.down, keys: [.character("j"), .down], label: "j ↓", summary: "down"),
                KeyBinding(.new, keys: [.character("n")], label: "n", summary: "new thing", hint: "new"),
            ]),
        KeySection(
            .everywhere, title: "Everywhere",
            bindings: [
                KeyBinding(.help, keys: [.character("?")], label: "?", summary: "help", hint: "help"),
                KeyBinding(
                    .quit, keys: [.character("q"), .character("n")], label: "q", summary: "quit", hint: "quit"
                ),
            ]),
    ])

    @Test func dispatchFollowsContextOrder() {
        #expect(Self.table.command(for: .down, in: [.list]) == .down)
        #expect(Self.table.command(for: .character("n"), in: [.list, .everywhere]) == .new)
        #expect(Self.table.command(for: .character("n"), in: [.everywhere, .list]) == .quit)
        #expect(Self.table.command(for: .character("x"), in: [.list, .everywhere]) == nil)
    }

    @Test func hintsAndHelpComeFromTheSameBindings() {
        #expect(Self.table.hints(for: [.list, .everywhere]).map(\.label) == ["new", "help", "quit"])
        let help = Self.table.helpSections
        #expect(help.map(\.title) == ["List", "Everywhere"])
        #expect(help[0].entries.map(\.summary) == ["down", "new thing"])
    }

    @Test func footerDropsWholeHintsButKeepsTheTrailingOnes() {
        var canvas = Canvas(width: 24, height: 1)
        let hints = [
            KeyHint(key: "n", label: "new"), KeyHint(key: "e", label: "edit"),
            KeyHint(key: "d", label: "delete"),
        ]
        canvas.drawKeyHints(hints, trailing: [KeyHint(key: "q", label: "quit")], in: canvas.bounds)
        #expect(canvas.text == " n new  e edit  q quit")
        #expect(canvas[1, 0].style.bold)
    }

    @Test func helpOverlayListsEverySection() {
        var canvas = Canvas(width: 60, height: 12)
        canvas.drawHelpOverlay(HelpOverlay(sections: Self.table.helpSections), in: canvas.bounds)
        let text = canvas.text
        #expect(text.contains("List"))
        #expect(text.contains("j ↓"))
        #expect(text.contains("new thing"))
        #expect(text.contains("Everywhere"))
    }
}

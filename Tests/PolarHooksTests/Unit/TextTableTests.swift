import Testing

@testable import polar_hooks

@Suite struct TextTableTests {
    @Test func alignsColumnsWithoutTrailingSpaces() {
        var table = TextTable(headers: ["ID", "NAME", "URL"])
        table.append(["1", "Orders", "https://a.example/"])
        table.append(["22", "", "https://bb.example/"])
        #expect(
            table.render(color: false) == """
                ID  NAME    URL
                1   Orders  https://a.example/
                22          https://bb.example/
                """)
    }

    @Test func wideCharactersCountTwoColumns() {
        var table = TextTable(headers: ["NAME", "X"])
        table.append(["日本", "a"])
        table.append(["abc", "b"])
        let lines = table.render(color: false).split(separator: "\n").map(String.init)
        #expect(lines[1] == "日本  a")
        #expect(lines[2] == "abc   b")
    }

    @Test func controlCharactersFromTheNetworkAreNeutralised() {
        var table = TextTable(headers: ["NAME"])
        table.append(["evil\u{1B}[2Jname\nnext"])
        let text = table.render(color: false)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil\u{FFFD}[2Jname↵next"))
    }

    @Test func longCellsAreCutWithAnEllipsis() {
        var table = TextTable(headers: ["URL"])
        table.maximumColumnWidth = 10
        table.append([TextTable.Cell(String(repeating: "x", count: 30))])
        #expect(table.render(color: false).split(separator: "\n")[1] == "xxxxxxxxx…")
    }

    @Test func coloursOnlyWhenAsked() {
        var table = TextTable(headers: ["STATUS"])
        table.append([TextTable.Cell("enabled", color: .green)])
        #expect(!table.render(color: false).contains("\u{1B}"))
        #expect(table.render(color: true).contains("\u{1B}[32menabled\u{1B}[0m"))
    }

    @Test func secretsAreMasked() {
        #expect(SecretMask.masked("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=") == "whsec_••••")
        #expect(SecretMask.masked("my-own-secret-of-at-least-32-characters") == "••••")
        #expect(SecretMask.display("whsec_abc", reveal: true) == "whsec_abc")
    }
}

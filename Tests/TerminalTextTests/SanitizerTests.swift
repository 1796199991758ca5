import Testing

@testable import TerminalText

/// The one door between text from the network and a terminal.
@Suite struct SanitizerTests {
    static let hostile = [
        "\u{1B}]0;PWNED\u{07}", "\u{1B}[2J", "\u{1B}]52;c;aGVsbG8=\u{07}", "\u{9B}31m", "\u{1B}P+q\u{1B}\\",
        "\u{7F}", "\u{202E}gnp.exe", "\u{2066}x\u{2069}",
    ]

    @Test(arguments: hostile)
    func noControlCharacterSurvives(_ text: String) {
        let clean = Sanitizer.clean("before " + text + " after")
        #expect(!clean.unicodeScalars.contains(where: Sanitizer.isControl))
        #expect(clean.hasPrefix("before ") && clean.hasSuffix(" after"))
    }

    @Test func lineBreaksShowOrStay() {
        #expect(Sanitizer.clean("a\nb\r\nc\td") == "a↵b↵↵c d")
        #expect(Sanitizer.clean("a\nb\r\nc", keepNewlines: true) == "a\nb\nc")
    }

    @Test func plainTextIsReturnedAsItIs() {
        let text = "Zahlung eingegangen: 42 € · 日本 🎉"
        #expect(Sanitizer.clean(text) == text)
    }

    @Test(arguments: hostile)
    func jsonKeepsItsMeaningButLosesTheEscapes(_ text: String) {
        let json = "{\"name\":\"x" + text + "\"}"
        let safe = Sanitizer.terminalSafeJSON(json)
        #expect(!safe.unicodeScalars.contains(where: Sanitizer.isControl))
        #expect(Sanitizer.terminalSafeJSON(bytes: Array(json.utf8)) == Array(safe.utf8))
    }

    @Test func jsonEscapesDecodeToTheSameText() throws {
        let safe = Sanitizer.terminalSafeJSON("\"a\u{1B}b\u{9B}c\u{202E}d\"")
        #expect(safe == "\"a\\u001bb\\u009bc\\u202ed\"")
        // Pretty JSON keeps its line breaks and indentation.
        #expect(Sanitizer.terminalSafeJSON("{\n  \"a\": 1\n}") == "{\n  \"a\": 1\n}")
    }
}

@Suite struct StyledTextTests {
    @Test func stylesOnlyWhereColourIsOn() {
        let text = StyledText("ok ") + .styled("enabled", .green)
        #expect(text.rendered(color: false) == "ok enabled")
        #expect(text.rendered(color: true) == "ok \u{1B}[32menabled\u{1B}[0m")
    }

    @Test func aPieceCannotBringItsOwnEscape() {
        let text = StyledText.styled("\u{1B}[31mred\u{1B}]0;title\u{07}", .bold) + "\u{1B}[2J"
        let rendered = text.rendered(color: true)
        // The only escapes are the bold and the reset added here.
        #expect(rendered.unicodeScalars.filter { $0 == "\u{1B}" }.count == 2)
        #expect(text.plain.unicodeScalars.allSatisfy { !Sanitizer.isControl($0) })
    }
}

import Testing

@testable import TerminalUI

@Suite struct ClipboardSequenceTests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func base64MatchesRFC4648Vectors(input: String, expected: String) {
        #expect(String(decoding: Base64.encode(Array(input.utf8)), as: UTF8.self) == expected)
    }

    @Test func base64UsesTheStandardAlphabet() {
        #expect(String(decoding: Base64.encode([0xFB, 0xFF, 0xBF]), as: UTF8.self) == "+/+/")
    }

    @Test func osc52OutsideTmux() {
        let bytes = ClipboardSequence.osc52("whsec_abc", insideTmux: false)
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}]52;c;d2hzZWNfYWJj\u{07}")
    }

    @Test func osc52EncodesUTF8() {
        let bytes = ClipboardSequence.osc52("日", insideTmux: false)
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}]52;c;5pel\u{07}")
    }

    @Test func insideTmuxThePassthroughCopyDoublesEveryEscape() {
        let text = String(decoding: ClipboardSequence.osc52("hi", insideTmux: true), as: UTF8.self)
        let plain = "\u{1B}]52;c;aGk=\u{07}"
        #expect(text == plain + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
    }
}

import Testing
import TextTools

/// The helpers stand in for Foundation's: each expectation is what Foundation printed for the
/// same input (Swift 6.3.1 on Linux), so the program says the same things without it.
@Suite struct TextToolsTests {
    @Test func trimmingWhitespaceKeepsLineBreaksAndInnerSpace() {
        #expect(" \t a b \u{3000}\u{200B}".trimmingWhitespace() == "a b")
        #expect("a\r\n".trimmingWhitespace() == "a\r\n")
        #expect(" \u{301}a".trimmingWhitespace().unicodeScalars.map(\.value) == [0x301, 0x61])
        #expect("   ".trimmingWhitespace() == "")
    }

    @Test func trimmingWhitespaceAndNewlines() {
        #expect("\n\r\u{85} token \u{2028}\u{0B}".trimmingWhitespaceAndNewlines() == "token")
        #expect("[::1]".trimming(["[", "]"]) == "::1")
    }

    @Test func searchingIgnoresASCIICaseOnly() {
        let html = "<HTML><Title>Bad</TITLE>"
        let open = html.rangeIgnoringASCIICase(of: "<title")
        #expect(open.map { String(html[$0]) } == "<Title")
        let close = open.flatMap { html.rangeIgnoringASCIICase(of: "</title", in: $0.upperBound..<html.endIndex) }
        #expect(close.map { String(html[$0]) } == "</TITLE")
        #expect("<tİtle>".rangeIgnoringASCIICase(of: "<title") == nil)
        #expect("abc".rangeIgnoringASCIICase(of: "") == nil)
    }

    @Test func paddingAndNumbers() {
        #expect("ab".padded(toLength: 5) == "ab   ")
        #expect("abcdef".padded(toLength: 3) == "abc")
        #expect(String(7, zeroPaddedTo: 4) == "0007")
        #expect(String(12345, zeroPaddedTo: 4) == "12345")
        #expect(String(-3, zeroPaddedTo: 4) == "-003")
        #expect(String(groupingThousandsOf: 1_234_567) == "1,234,567")
        #expect(String(groupingThousandsOf: 6000.0) == "6,000")
        #expect(String(groupingThousandsOf: 1234.5678) == "1,234.5678")
        #expect(String(groupingThousandsOf: 0.123456789) == "0.123457")
        #expect(String(groupingThousandsOf: 5999.9999999999) == "6,000")
        #expect(String(groupingThousandsOf: 0.1 + 0.2) == "0.3")
    }

    @Test func percentEncodingEscapesAllButUnreserved() {
        #expect(PercentEncoding.encode("a b/c?d=e&f+g%~._-") == "a%20b%2Fc%3Fd%3De%26f%2Bg%25~._-")
        #expect(PercentEncoding.encode("é") == "%C3%A9")
    }
}

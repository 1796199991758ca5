import Testing

@testable import PolarEmulator

/// Cases checked against pydantic 2.13.4 (the server's version), CONTRACT.md §2.1.
@Suite struct LaxIntegerTests {
    @Test(arguments: [
        ("5", 5), ("5.0", 5), ("5.00", 5), ("+5", 5), (" 5", 5), ("5 ", 5), ("\t5\n", 5), ("\u{A0}5", 5),
        ("\u{3000}5", 5), ("05", 5), ("00005.000", 5), ("1_000", 1000), ("1_0_0", 100), ("1_0.0", 10),
        ("0", 0), ("00", 0), ("+0", 0), ("-0", 0), ("0.0", 0), ("0_0", 0), ("-5", -5), ("-1_0", -10),
        ("100000000000000000000", Int.max), ("-100000000000000000000", Int.min),
    ])
    func accepts(_ text: String, _ value: Int) {
        #expect(LaxInteger.parse(text) == value)
    }

    @Test(arguments: [
        "", " ", "5.", "5.5", "5e0", "1e2", "0x5", "0x", ".0", "0.", "1__0", "_1", "1_", "+_1", "5.0_0",
        "1.0_0", "+-5", "- 5", "inf", "nan", "abc", "٥", "５", "5\u{1C}", "5.0000000000000000001",
    ])
    func refuses(_ text: String) {
        #expect(LaxInteger.parse(text) == nil)
    }
}

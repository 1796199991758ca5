import Testing

@testable import PolarEmulator

@Suite struct ILikePatternTests {
    @Test(arguments: [
        ("", "anything", true), ("", "", true), ("abc", "xxABCxx", true), ("abc", "ab", false),
        ("_", "a", true), ("_", "", false), ("a_c", "zabcz", true), ("a_c", "ac", false),
        ("%", "", true), ("a%c", "a-long-way-c", true), ("a%c", "ca", false), ("5%0", "500", true),
        ("2_0", "200", true), ("2_0", "20", false), ("\\%", "100%", true), ("\\%", "100", false),
        ("\\_", "a_b", true), ("\\_", "ab", false), ("\\a", "xaz", true), ("a\\", "a%", true), ("a\\", "a", false),
        ("%%__%%", "ab", true), ("%%__%%", "a", false), ("b%b%b", "abxbyb", true), ("b%b%b", "abxb", false),
    ])
    func matchesAsPostgreSQLDoes(_ query: String, _ text: String, _ expected: Bool) {
        #expect(ILikePattern(containing: query).matches(text) == expected)
    }
}

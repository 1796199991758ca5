import PolarJSON
import Testing

@Suite struct JSONParserTests {
    static func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    static func failure(_ text: String) -> JSONParser.Failure? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func keepsKeyOrderAndIntegerness() throws {
        let value = try Self.parse(#" {"b": 1, "a": [1.0, -0, 2e3, true, null], "c": {"": "x"}} "#)
        #expect(value == ["b": 1, "a": [.double(1), 0, .double(2000), true, nil], "c": ["": "x"]])
        #expect(value.serialized() == #"{"b":1,"a":[1.0,0,2000.0,true,null],"c":{"":"x"}}"#)
    }

    @Test func stringsDecodeEveryEscape() throws {
        let value = try Self.parse(#""a\"b\\c\/d\n\r\t\b\f\u00e9\ud83e\ude9d é""#)
        #expect(value == .string("a\"b\\c/d\n\r\t\u{08}\u{0C}é🪝 é"))
        // A surrogate without its other half cannot be in a Swift string.
        #expect(try Self.parse(#""\ud800x""#) == "\u{FFFD}x")
        #expect(try Self.parse(#""\ud800\u0041""#) == "\u{FFFD}A")
        #expect(try Self.parse(#""\udc00""#) == "\u{FFFD}")
    }

    @Test func numbersFollowTheGrammar() throws {
        #expect(try Self.parse("9223372036854775807") == .int(Int.max))
        #expect(try Self.parse("-9223372036854775808") == .int(Int.min))
        #expect(try Self.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try Self.parse("[0.5e-1]") == [.double(0.05)])
        for text in ["01", "1.", ".5", "-", "+1", "1e", "1e+", "[01]", "NaN", "Infinity"] {
            #expect(Self.failure(text) != nil, "\(text)")
        }
    }

    @Test func failuresUsePythonsWordsAndPlaces() {
        #expect(Self.failure("").map { [$0.message, "\($0.offset)"] } == ["Expecting value", "0"])
        #expect(Self.failure("{\"a\" 1}").map { [$0.message, "\($0.offset)"] } == ["Expecting ':' delimiter", "5"])
        #expect(Self.failure("[1 2]").map { [$0.message, "\($0.offset)"] } == ["Expecting ',' delimiter", "3"])
        #expect(Self.failure("{1:2}").map(\.message) == "Expecting property name enclosed in double quotes")
        #expect(Self.failure("[1] x").map { [$0.message, "\($0.offset)"] } == ["Extra data", "4"])
        #expect(
            Self.failure("\"a\u{1}\"").map { [$0.message, "\($0.offset)"] } == ["Invalid control character at", "2"])
        #expect(Self.failure(#""\x""#).map(\.message) == "Invalid \\escape")
        #expect(Self.failure(#""\u12""#).map(\.message) == "Invalid \\uXXXX escape")
        #expect(Self.failure(#""abc"#).map(\.message) == "Unterminated string starting at")
        #expect(Self.failure("tru").map(\.message) == "Expecting value")
    }

    @Test func nestingIsBounded() throws {
        let depth = JSONParser.maximumDepth
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        #expect(Self.failure(tooDeep)?.isNestingTooDeep == true)
        let allowed = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try Self.parse(allowed) }
    }

    @Test func aRepeatedKeyKeepsTheLastValueAtTheFirstPlace() throws {
        #expect(try Self.parse(#"{"a":1,"b":2,"a":3}"#) == ["a": 3, "b": 2])
        // Past a handful of keys the repeats are found through a dictionary, with the same result.
        let many = (0..<40).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        let value = try Self.parse("{\(many),\"k3\":\"again\",\"k39\":null}")
        guard case .object(let pairs) = value else {
            Issue.record("not an object")
            return
        }
        #expect(pairs.count == 40)
        #expect(pairs[3] == ("k3", "again"))
        #expect(pairs[39] == ("k39", .null))
    }
}

import PolarJSON
import Testing

@Suite struct JSONValueWritingTests {
    @Test func compactIsStarlettesJSONResponse() {
        let value: JSONValue = [
            "name": "Café ☕ 😀", "list": [1, .double(2.5), .double(3), true, .null], "quote": "a\"b\\c\n\t\u{1}\u{7F}/",
            "empty": [:], "none": [],
        ]
        #expect(
            value.serialized()
                == #"{"name":"Café ☕ 😀","list":[1,2.5,3.0,true,null],"quote":"a\"b\\c\n\t\u0001\#u{7F}/","empty":{},"none":[]}"#
        )
    }

    @Test func pythonIsJSONDumpsWithItsDefaults() {
        let value: JSONValue = [
            "name": "Café ☕ 😀", "list": [1, .double(2.5), true, .null], "quote": "a\"b\\c\n\t\u{1}\u{7F}", "empty": [:],
        ]
        #expect(
            value.serialized(style: .python)
                == #"{"name": "Caf\u00e9 \u2615 \ud83d\ude00", "list": [1, 2.5, true, null], "quote": "a\"b\\c\n\t\u0001\u007f", "empty": {}}"#
        )
    }

    @Test func numbersJSONCannotHoldAreNull() {
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).serialized() == "[null,null]")
    }
}

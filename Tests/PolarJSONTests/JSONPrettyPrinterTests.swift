import PolarJSON
import Testing

@Suite struct JSONPrettyPrinterTests {
    @Test func keysStayInTheOrderTheServerWroteThem() {
        let text = #"{"type":"order.paid","timestamp":"2026-11-29T10:00:00Z","data":{"id":"ord_1","amount":4200}}"#
        #expect(
            JSONPrettyPrinter.indent(text) == """
                {
                  "type": "order.paid",
                  "timestamp": "2026-11-29T10:00:00Z",
                  "data": {
                    "id": "ord_1",
                    "amount": 4200
                  }
                }
                """)
    }

    @Test func emptyContainersStayOnOneLineAndArraysIndent() {
        #expect(
            JSONPrettyPrinter.indent(#"{"items":[],"meta":{ },"ids":[1,2]}"#) == """
                {
                  "items": [],
                  "meta": {},
                  "ids": [
                    1,
                    2
                  ]
                }
                """)
    }

    @Test func punctuationInsideStringsIsLeftAlone() {
        let text = #"{"note":"a, b: {c} [d] \"quoted\" \\","next":null}"#
        #expect(
            JSONPrettyPrinter.indent(text) == """
                {
                  "note": "a, b: {c} [d] \\"quoted\\" \\\\",
                  "next": null
                }
                """)
    }

    @Test func existingWhitespaceIsReplaced() {
        #expect(JSONPrettyPrinter.indent("{\n\t\"a\" :  1 ,\r\n \"é\":\"ü\"}") == "{\n  \"a\": 1,\n  \"é\": \"ü\"\n}")
    }

    @Test func tokensAreKeptAsWritten() {
        #expect(
            JSONPrettyPrinter.indent(#"[1.50,-0,1E+2,"\u00e9\/"]"#) == "[\n  1.50,\n  -0,\n  1E+2,\n  \"\\u00e9\\/\"\n]"
        )
    }

    @Test func textThatIsNotAnObjectOrArrayIsNotTouched() {
        #expect(JSONPrettyPrinter.indent("not json") == nil)
        #expect(JSONPrettyPrinter.indent("{\"unterminated\": ") == nil)
        #expect(JSONPrettyPrinter.indent("{\"a\":1}{") == nil)
        #expect(JSONPrettyPrinter.indent("[01]") == nil)
        #expect(JSONPrettyPrinter.indent("42") == nil)
        #expect(JSONPrettyPrinter.indent("\"ok\"") == nil)
        #expect(JSONPrettyPrinter.indent("") == nil)
    }

    @Test func aValueNestedInADocumentIsIndentedFromItsLevel() {
        var out = Array("[\n  ".utf8)
        JSONPrettyPrinter.reindent(Array(#"{"a":[1],"b":{}}"#.utf8), level: 1, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "[\n  {\n    \"a\": [\n      1\n    ],\n    \"b\": {}\n  }")
    }
}

import Testing

@testable import Dashboard

@Suite struct JSONReindenterTests {
    @Test func keysStayInTheOrderTheServerWroteThem() {
        let text = #"{"type":"order.paid","timestamp":"2026-11-29T10:00:00Z","data":{"id":"ord_1","amount":4200}}"#
        #expect(
            JSONReindenter.indent(text) == """
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
            JSONReindenter.indent(#"{"items":[],"meta":{ },"ids":[1,2]}"#) == """
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
            JSONReindenter.indent(text) == """
                {
                  "note": "a, b: {c} [d] \\"quoted\\" \\\\",
                  "next": null
                }
                """)
    }

    @Test func existingWhitespaceIsReplaced() {
        #expect(JSONReindenter.indent("{\n\t\"a\" :  1 ,\r\n \"é\":\"ü\"}") == "{\n  \"a\": 1,\n  \"é\": \"ü\"\n}")
    }

    @Test func textThatIsNotAnObjectOrArrayIsNotTouched() {
        #expect(JSONReindenter.indent("not json") == nil)
        #expect(JSONReindenter.indent("{\"unterminated\": ") == nil)
        #expect(JSONReindenter.indent("42") == nil)
        #expect(JSONReindenter.indent("\"ok\"") == nil)
        #expect(JSONReindenter.indent("") == nil)
    }
}

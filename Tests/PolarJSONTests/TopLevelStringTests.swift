import PolarJSON
import Testing

/// A payload's `type` as the listener reads it (one pass, nothing built), beside the full parse
/// of the same bytes: the same answer for payloads, hostile bodies and broken JSON.
@Suite struct TopLevelStringTests {
    static func type(_ body: [UInt8]) -> String? { JSONParser.topLevelString(forKey: "type", in: body) }

    static func fullParseType(_ body: String) -> String? {
        guard let document = try? JSONParser.parse(Array(body.utf8)), case .object = document else { return nil }
        return document["type"]?.stringValue
    }

    @Test(arguments: [
        #"{"type":"order.paid","timestamp":"2026-11-29T10:00:00Z","data":{"id":"x","amount":2500}}"#,
        #"  {"data":{"type":"inner"},"type":"checkout.created"}  "#,
        #"{"data":[1,-2.5e+3,0.1,true,false,null,{"a":[[]]}],"type":"a\"b\\c\/d\u00e9\ud83d\ude00"}"#,
        #"{"t\u0079pe":"escaped.key"}"#,
        #"{"type":"first","type":"last"}"#,
        #"{"type":"first","type":7}"#,
        #"{"type":7}"#,
        #"{"type":null}"#,
        #"{}"#,
        #"{"kind":"order.paid"}"#,
        #"["order.paid"]"#,
        #""order.paid""#,
        "",
        "   ",
        #"{"type":"order.paid""#,
        #"{"type":"order.paid"} trailing"#,
        #"{"type":"order.paid","n":01}"#,
        #"{"type":"order.paid","n":1.}"#,
        #"{"type":"order.paid","n":-}"#,
        #"{"type":"order.paid","n":tru}"#,
        #"{"type":"tab\there"}"#,
        "{\"type\":\"raw\tcontrol\"}",
        #"{"type":"lone \ud800 surrogate"}"#,
        #"{"type":"bad \x escape"}"#,
        #"{'type':'single'}"#,
        #"{"type":"order.paid" "x":1}"#,
    ])
    func readsWhatAFullParseReads(body: String) {
        #expect(Self.type(Array(body.utf8)) == Self.fullParseType(body), "\(body)")
    }

    @Test func aTrailingCommaIsNotJSON() {
        // Foundation's parser lets it through; Python's json, which Polar's SDK reads payloads
        // with, does not, and neither do we.
        #expect(Self.type(Array(#"{"type":"order.paid",}"#.utf8)) == nil)
        #expect(Self.type(Array(#"{"type":"order.paid","a":[1,]}"#.utf8)) == nil)
    }

    @Test func nestingBeyondTheLimitIsNotReadAndDoesNotCrash() {
        let deep =
            #"{"type":"deep","x":"# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        #expect(Self.type(Array(deep.utf8)) == nil)
        let fine =
            #"{"type":"fine","x":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(Self.type(Array(fine.utf8)) == "fine")
    }

    @Test func invalidUTF8InTheTypeIsNotAType() {
        let body = Array(#"{"type":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(Self.type(body) == nil)
    }
}

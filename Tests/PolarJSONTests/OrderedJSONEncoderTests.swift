import Foundation
import PolarJSON
import Testing

@Suite struct OrderedJSONEncoderTests {
    static func text(_ value: some Encodable, _ encoder: OrderedJSONEncoder = OrderedJSONEncoder()) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Properties declared in one order, keys in another: the keys win.
    struct Reordered: Encodable {
        var zebra = 1
        var apple = "a"
        var mango = true

        enum CodingKeys: String, CodingKey {
            case mango
            case zebra = "zebra_count"
            case apple
        }
    }

    @Test func keysComeInTheOrderOfCodingKeys() throws {
        #expect(try Self.text(Reordered()) == #"{"mango":true,"zebra_count":1,"apple":"a"}"#)
    }

    struct Item: Codable, Equatable {
        var id: String
        var tags: [String]
    }

    struct Page: Encodable {
        var items: [Item]
        var matrix: [[Int]]
        var first: Item?
        var empty: [Item] = []
    }

    @Test func nestedObjectsAndArraysOfObjects() throws {
        let page = Page(
            items: [Item(id: "a", tags: ["x", "y"]), Item(id: "b", tags: [])], matrix: [[1, 2], [], [3]],
            first: Item(id: "c", tags: ["z"]))
        #expect(
            try Self.text(page)
                == #"{"items":[{"id":"a","tags":["x","y"]},{"id":"b","tags":[]}],"matrix":[[1,2],[],[3]],"first":{"id":"c","tags":["z"]},"empty":[]}"#
        )
    }

    struct Optionals: Encodable {
        var name: String?
        var count: Int?
        var item: Item?
        var list: [Int?]
    }

    @Test func absentOptionalsAreNullOrLeftOutAsTheEncoderIsTold() throws {
        let value = Optionals(name: nil, count: 3, item: nil, list: [1, nil])
        #expect(
            try Self.text(value, OrderedJSONEncoder(absentOptionals: .null))
                == #"{"name":null,"count":3,"item":null,"list":[1,null]}"#)
        #expect(try Self.text(value, OrderedJSONEncoder(absentOptionals: .omitted)) == #"{"count":3,"list":[1,null]}"#)
    }

    /// `encode(_:forKey:)` of a nil optional is an explicit null whatever the encoder's choice.
    struct ExplicitNull: Encodable {
        var note: String?
        enum CodingKeys: CodingKey { case note }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(note, forKey: .note)
        }
    }

    @Test func anOptionalEncodedOnPurposeIsAlwaysWritten() throws {
        #expect(
            try Self.text(ExplicitNull(note: nil), OrderedJSONEncoder(absentOptionals: .omitted)) == #"{"note":null}"#)
    }

    struct Stamped: Encodable {
        var at: Date
        var until: Date?
        var history: [Date]
    }

    @Test func datesGoThroughTheGivenFormat() throws {
        let format = JSONStringFormat(
            for: Date.self, failureDescription: "Not seconds", format: { "t\(Int($0.timeIntervalSince1970))" },
            parse: { _ in nil })
        let value = Stamped(
            at: Date(timeIntervalSince1970: 10), until: Date(timeIntervalSince1970: 20),
            history: [
                Date(timeIntervalSince1970: 30)
            ])
        #expect(
            try Self.text(value, OrderedJSONEncoder(stringFormat: format))
                == #"{"at":"t10","until":"t20","history":["t30"]}"#)
        // Without a format a date encodes itself, as a number.
        #expect(try Self.text(Date(timeIntervalSinceReferenceDate: 2.5)) == "2.5")
    }

    struct Scalars: Encodable {
        var small = Int.min
        var large = UInt64.max
        var byte: Int8 = -128
        var half = 1.5
        var whole = 2.0
        var tiny = 1e-7
        var huge = 1e20
        var single: Float = 0.1
        var yes = true
        var text = "quote \" backslash \\ slash / nl \n tab \t nul \u{0} us \u{1F} é 🪝"
    }

    @Test func scalarsAreWrittenExactly() throws {
        #expect(
            try Self.text(Scalars())
                == #"{"small":-9223372036854775808,"large":18446744073709551615,"byte":-128,"half":1.5,"whole":2.0,"tiny":1e-07,"huge":1e+20,"single":0.1,"yes":true,"text":"quote \" backslash \\ slash / nl \n tab \t nul \u0000 us \u001f é 🪝"}"#
        )
    }

    @Test func topLevelScalarsAndArrays() throws {
        #expect(try Self.text("a") == #""a""#)
        #expect(try Self.text(42) == "42")
        #expect(try Self.text([Int]()) == "[]")
        #expect(try Self.text(Optional<Int>.none) == "null")
    }

    struct Holder: Encodable {
        var values: [Double]
    }

    @Test func numbersJSONCannotHoldAreRefusedWithTheirPath() throws {
        do {
            _ = try OrderedJSONEncoder().encode(Holder(values: [1, .nan]))
            Issue.record("expected an error")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["values", "Index 1"])
        }
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode(Double.infinity) }
    }

    /// Uses a nested container and its parent in turn, as hand-written conformances may.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case name, address, lines, after }
        enum AddressKeys: String, CodingKey { case city, zip }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("Ada", forKey: .name)
            var address = container.nestedContainer(keyedBy: AddressKeys.self, forKey: .address)
            try address.encode("Paris", forKey: .city)
            try address.encode(75001, forKey: .zip)
            var lines = container.nestedUnkeyedContainer(forKey: .lines)
            try lines.encode("one")
            var inner = lines.nestedContainer(keyedBy: AddressKeys.self)
            try inner.encode("x", forKey: .city)
            try container.encode(true, forKey: .after)
        }
    }

    @Test func nestedContainersAreClosedWhenTheirParentMovesOn() throws {
        #expect(
            try Self.text(Nested())
                == #"{"name":"Ada","address":{"city":"Paris","zip":75001},"lines":["one",{"city":"x"}],"after":true}"#)
    }

    /// Goes back to a nested container after writing to its parent: not expressible as a stream.
    struct GoesBack: Encodable {
        enum Keys: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedUnkeyedContainer(forKey: .a)
            try container.encode(1, forKey: .b)
            try nested.encode(2)
        }
    }

    struct TwiceTheSameKey: Encodable {
        enum Keys: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .a)
            try container.encode(2, forKey: .a)
        }
    }

    struct TwoValues: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(1)
            try container.encode(2)
        }
    }

    @Test func misusedContainersAreAnErrorNeverWrongJSON() throws {
        var bytes = Array("kept".utf8)
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode(GoesBack(), into: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == "kept", "a failed encode leaves the buffer as it was")
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode([TwoValues()]) }
    }

    @Test func aKeyWrittenTwiceReadsAsItsLastValue() throws {
        let bytes = try OrderedJSONEncoder().encode(TwiceTheSameKey())
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":1,"a":2}"#)
        // What a reader keeps is what Foundation's encoder would have written.
        #expect(try JSONParser.parse(bytes) == ["a": 2])
    }

    /// Encodes nothing at all.
    struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Wrapper: Encodable {
        var silent = Silent()
        var after = 1
    }

    @Test func aValueThatWritesNothingIsAnEmptyObjectInsideAndAnErrorAlone() throws {
        #expect(try Self.text(Wrapper()) == #"{"silent":{},"after":1}"#)
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode(Silent()) }
    }

    class Animal: Encodable {
        var legs = 4
        enum Keys: String, CodingKey { case legs }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(legs, forKey: .legs)
        }
    }

    final class Dog: Animal {
        enum DogKeys: String, CodingKey { case name }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DogKeys.self)
            try container.encode("Rex", forKey: .name)
            try super.encode(to: container.superEncoder())
        }
    }

    @Test func superEncoderNestsTheParentsKeys() throws {
        #expect(try Self.text(Dog()) == #"{"name":"Rex","super":{"legs":4}}"#)
    }

    @Test func jsonValuesEncodeAsThemselves() throws {
        let value: JSONValue = ["b": 1, "a": [.null, "x"], "c": .double(0.5)]
        #expect(try Self.text(["wrapped": value]) == #"{"wrapped":{"b":1,"a":[null,"x"],"c":0.5}}"#)
        #expect(try OrderedJSONEncoder().jsonValue(Reordered()) == ["mango": true, "zebra_count": 1, "apple": "a"])
    }

    @Test func theSameValueGivesTheSameBytesEveryTime() throws {
        let page = Page(items: (0..<50).map { Item(id: "id\($0)", tags: ["t\($0)"]) }, matrix: [], first: nil)
        let first = try OrderedJSONEncoder(absentOptionals: .null).encode(page)
        for _ in 0..<20 { #expect(try OrderedJSONEncoder(absentOptionals: .null).encode(page) == first) }
    }
}

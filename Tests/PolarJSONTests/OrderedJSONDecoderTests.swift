import Foundation
import PolarJSON
import Testing

@Suite struct OrderedJSONDecoderTests {
    static func decode<T: Decodable>(
        _ type: T.Type, _ text: String, _ decoder: OrderedJSONDecoder = OrderedJSONDecoder()
    ) throws -> T {
        try decoder.decode(type, from: Array(text.utf8))
    }

    /// The path of a decoding error as text, and its kind.
    static func failure<T: Decodable>(_ type: T.Type, _ text: String) -> (kind: String, path: String)? {
        do {
            _ = try decode(type, text)
            return nil
        } catch let error as DecodingError {
            func path(_ keys: [any CodingKey]) -> String {
                keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            }
            switch error {
            case .keyNotFound(let key, let context): return ("missing \(key.stringValue)", path(context.codingPath))
            case .typeMismatch(let type, let context): return ("mismatch \(type)", path(context.codingPath))
            case .valueNotFound(let type, let context): return ("null \(type)", path(context.codingPath))
            case .dataCorrupted(let context): return ("corrupted", path(context.codingPath))
            @unknown default: return ("unknown", "")
            }
        } catch {
            return ("not a DecodingError: \(error)", "")
        }
    }

    struct Item: Codable, Equatable {
        var id: String
        var count: Int
        var tags: [String]
        var note: String?
        var child: Child?
    }

    struct Child: Codable, Equatable {
        var flag: Bool
        var ratio: Double
    }

    @Test func nestedObjectsArraysAndOptionals() throws {
        let text = #"""
            [{"id":"a","count":1,"tags":["x"],"note":null,"child":{"flag":true,"ratio":0.5}},
             {"id":"b","count":-2,"tags":[],"child":null}]
            """#
        #expect(
            try Self.decode([Item].self, text) == [
                Item(id: "a", count: 1, tags: ["x"], note: nil, child: Child(flag: true, ratio: 0.5)),
                Item(id: "b", count: -2, tags: [], note: nil, child: nil),
            ])
    }

    @Test func unknownKeysAreIgnored() throws {
        let text = #"{"future":{"deep":[1,2]},"id":"a","count":3,"tags":[],"extra":null}"#
        #expect(try Self.decode(Item.self, text) == Item(id: "a", count: 3, tags: [], note: nil, child: nil))
    }

    @Test func errorsSayWhereAndWhatKind() {
        #expect(Self.failure(Item.self, #"{"count":1,"tags":[]}"#)! == ("missing id", ""))
        #expect(Self.failure(Item.self, #"{"id":1,"count":1,"tags":[]}"#)! == ("mismatch String", ".id"))
        #expect(Self.failure(Item.self, #"{"id":null,"count":1,"tags":[]}"#)! == ("null String", ".id"))
        #expect(Self.failure(Item.self, #"{"id":"a","count":1,"tags":["x",2]}"#)! == ("mismatch String", ".tags[1]"))
        #expect(
            Self.failure([Item].self, #"[{"id":"a","count":1,"tags":[],"child":{"flag":"yes","ratio":1}}]"#)!
                == ("mismatch Bool", "[0].child.flag"))
        #expect(Self.failure(Item.self, "[]")! == ("mismatch Dictionary<String, Any>", ""))
        #expect(Self.failure(Item.self, "null")! == ("null Dictionary<String, Any>", ""))
        #expect(Self.failure(Item.self, #"{"id":"a","count":1,"tags":{}}"#)! == ("mismatch Array<Any>", ".tags"))
        #expect(Self.failure(Item.self, #"{"id":"a","count":1.5,"tags":[]}"#)! == ("corrupted", ".count"))
        #expect(Self.failure(Item.self, #"{"id":"a","count":1e40,"tags":[]}"#)! == ("corrupted", ".count"))
        #expect(Self.failure(Item.self, #"{"id":"a","count":"1","tags":[]}"#)! == ("mismatch Int", ".count"))
        #expect(Self.failure(Item.self, #"{"id":"a",}"#)! == ("corrupted", ""))
        #expect(Self.failure([Int].self, String(repeating: "[", count: 600))! == ("corrupted", ""))
    }

    @Test func errorsNeverQuoteTheValue() {
        let secret = "whsec_DO_NOT_SHOW"
        for text in [
            #"{"id":"\#(secret)","count":"\#(secret)","tags":[]}"#,
            #"{"id":"a","count":1,"tags":["\#(secret)"],"child":"\#(secret)"}"#,
            #"["\#(secret)"]"#,
        ] {
            do {
                _ = try Self.decode(Item.self, text)
                Issue.record("expected an error")
            } catch {
                #expect(!"\(error)".contains("DO_NOT_SHOW"))
            }
        }
    }

    @Test func notJSONIsCorruptedDataWithTheParsersFailureBeneath() {
        do {
            _ = try Self.decode(Item.self, "{oops")
            Issue.record("expected an error")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.isEmpty)
            let failure = context.underlyingError as? JSONParser.Failure
            #expect(failure?.message == "Expecting property name enclosed in double quotes")
            #expect(failure?.offset == 1)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func numbersConvertWhenTheyFitExactly() throws {
        #expect(try Self.decode(Int.self, "3.0") == 3)
        #expect(try Self.decode(Double.self, "3") == 3.0)
        #expect(try Self.decode(UInt8.self, "255") == 255)
        #expect(throws: DecodingError.self) { try Self.decode(UInt8.self, "256") }
        #expect(throws: DecodingError.self) { try Self.decode(UInt.self, "-1") }
        #expect(try Self.decode(Int.self, "-9223372036854775808") == Int.min)
        #expect(try Self.decode(Float.self, "0.25") == 0.25)
        #expect(throws: DecodingError.self) { try Self.decode(Float.self, "1e300") }
    }

    struct Stamped: Decodable {
        var at: Date
        var until: Date?
    }

    @Test func datesGoThroughTheGivenFormat() throws {
        let format = JSONStringFormat(
            for: Date.self, failureDescription: "Not a t-stamp", format: { _ in "" },
            parse: { text in
                text.hasPrefix("t") ? Int(text.dropFirst()).map { Date(timeIntervalSince1970: Double($0)) } : nil
            })
        let decoder = OrderedJSONDecoder(stringFormat: format)
        let value = try Self.decode(Stamped.self, #"{"at":"t10","until":null}"#, decoder)
        #expect(value.at == Date(timeIntervalSince1970: 10))
        #expect(value.until == nil)
        do {
            _ = try Self.decode(Stamped.self, #"{"at":"yesterday"}"#, decoder)
            Issue.record("expected an error")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "Not a t-stamp")
            #expect(context.codingPath.map(\.stringValue) == ["at"])
        }
        // A date that is not a string at all fails as reading a string would.
        #expect(throws: DecodingError.self) { try Self.decode(Stamped.self, #"{"at":10}"#, decoder) }
    }

    /// Reads a list the way a lenient list does: nulls skipped, failures stepped over.
    struct Lenient: Decodable {
        var values: [Int] = []
        var nulls = 0
        var failures: [Int] = []

        init(from decoder: any Decoder) throws {
            var list = try decoder.unkeyedContainer()
            #expect(list.count == 5)
            while !list.isAtEnd {
                if try list.decodeNil() {
                    nulls += 1
                    continue
                }
                let index = list.currentIndex
                do {
                    values.append(try list.decode(Int.self))
                } catch {
                    #expect(list.currentIndex == index, "a failed read stays on its item")
                    failures.append(index)
                    _ = try list.decode(JSONValue.self)
                }
            }
            #expect(throws: DecodingError.self) { try list.decode(Int.self) }
        }
    }

    @Test func unkeyedContainersStepThroughItems() throws {
        let lenient = try Self.decode(Lenient.self, #"[1,null,"x",2,null]"#)
        #expect(lenient.values == [1, 2])
        #expect(lenient.nulls == 2)
        #expect(lenient.failures == [2])
    }

    @Test func jsonValuesDecodeAsThemselves() throws {
        let value = try Self.decode([String: JSONValue].self, #"{"a":{"z":1,"y":[true]}}"#)
        #expect(value["a"] == ["z": 1, "y": [true]])
    }

    @Test func encodedValuesDecodeBackTheSame() throws {
        let items = [
            Item(id: "é\"\n", count: Int.max, tags: ["a", ""], note: "n", child: Child(flag: false, ratio: -1.25)),
            Item(id: "", count: 0, tags: [], note: nil, child: nil),
        ]
        let bytes = try OrderedJSONEncoder(absentOptionals: .null).encode(items)
        #expect(try OrderedJSONDecoder().decode([Item].self, from: bytes) == items)
    }
}

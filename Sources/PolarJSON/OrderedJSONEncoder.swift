/// Encodes any `Encodable` as compact JSON, keys in the order its `encode(to:)` writes them: for
/// a synthesized conformance, the order of its `CodingKeys`. So a model's key order is written
/// once, in the model, and the same value always gives the same bytes.
///
/// The bytes are written as the value encodes itself, with no tree in between, which needs
/// containers used the way every synthesized and standard-library conformance uses them: a
/// nested container finished before its parent is written to again. A type that goes back to
/// an earlier container gets an `EncodingError`, never wrong JSON. A key encoded twice is
/// written twice; JSON readers keep the last value, the one Foundation's encoder would write.
public struct OrderedJSONEncoder: Sendable {
    /// What `encodeIfPresent` writes for nil (the call a synthesized conformance makes for an
    /// optional property).
    public enum AbsentOptionals: Sendable {
        /// `"key":null`: every key present, as Polar writes its answers.
        case null
        /// Nothing: unset fields left out, as a request body that changes only what is set.
        case omitted
    }

    /// The type written as a string in a format of the caller's (dates, for PolarAPI); nil lets
    /// every value encode itself (a `Date` then is a number).
    public var stringFormat: JSONStringFormat?
    public var absentOptionals: AbsentOptionals

    public init(stringFormat: JSONStringFormat? = nil, absentOptionals: AbsentOptionals = .omitted) {
        self.stringFormat = stringFormat
        self.absentOptionals = absentOptionals
    }

    /// The value as compact JSON.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try encode(value, into: &bytes)
        return bytes
    }

    /// Appends the value as compact JSON; on failure `bytes` is left as it was.
    public func encode<Value: Encodable>(_ value: Value, into bytes: inout [UInt8]) throws {
        let sink = EncodingSink(stringFormat: stringFormat, writesAbsentAsNull: absentOptionals == .null)
        let start = bytes.count
        swap(&bytes, &sink.bytes)
        defer { swap(&bytes, &sink.bytes) }
        do {
            try sink.encodeTopLevel(value)
        } catch {
            sink.bytes.removeSubrange(start...)
            throw error
        }
    }

    /// The value as a ``JSONValue``, keys in the same order.
    public func jsonValue<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try JSONParser.parse(try encode(value))
    }
}

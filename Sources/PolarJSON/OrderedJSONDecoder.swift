/// Decodes any `Decodable` from JSON read by ``JSONParser``.
///
/// Errors are `DecodingError`s with the coding path of the value at fault and the kinds
/// Foundation's `JSONDecoder` uses (an object expected where there is none is a mismatch with
/// `[String: Any]`, a list with `[Any]`), and their descriptions never quote a value (a value
/// may be a secret). Keys a type does not ask for are ignored.
public struct OrderedJSONDecoder: Sendable {
    /// The type read from a string in a format of the caller's (dates, for PolarAPI); nil lets
    /// every value decode itself (a `Date` then from a number).
    public var stringFormat: JSONStringFormat?

    public init(stringFormat: JSONStringFormat? = nil) {
        self.stringFormat = stringFormat
    }

    /// Parses `bytes` and decodes a `Value` from them. Text that is not JSON is a
    /// `DecodingError.dataCorrupted` at the top level, with the parser's ``JSONParser/Failure``
    /// as its underlying error.
    public func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            let description =
                error.isNestingTooDeep
                ? "JSON nested more than \(JSONParser.maximumDepth) levels deep."
                : "Not valid JSON: \(error.message) (byte \(error.offset))."
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [], debugDescription: description, underlyingError: error))
        }
        return try decode(type, from: value)
    }

    /// Decodes a `Value` from a parsed JSON value.
    public func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try ValueDecoder(state: DecodingState(root: value, path: [], stringFormat: stringFormat)).decode(Value.self)
    }
}

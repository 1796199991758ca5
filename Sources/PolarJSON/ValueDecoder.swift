/// What one decode shares across its levels: the string format, and the stack of values being
/// read with the keys that lead to them. Levels push and pop as they go, so handing a value to
/// its type allocates nothing (as in Foundation's decoder).
final class DecodingState {
    let stringFormat: JSONStringFormat?
    // One decode's levels use the state one call at a time on one thread, and no access to
    // these overlaps another: the run-time exclusivity checks are left out.
    @exclusivity(unchecked) private var values: [JSONValue]
    /// The coding path of the innermost value (one key fewer than `values`, plus any prefix a
    /// nested container's own state starts with).
    @exclusivity(unchecked) private(set) var keys: [any CodingKey]

    init(root: JSONValue, path: [any CodingKey], stringFormat: JSONStringFormat?) {
        values = [root]
        keys = path
        self.stringFormat = stringFormat
    }

    /// The value being read.
    var current: JSONValue { values[values.count - 1] }

    /// Runs `body` with `value`, at `key`, as the value being read.
    func with<T>(_ value: JSONValue, at key: any CodingKey, _ body: () throws -> T) throws -> T {
        values.append(value)
        keys.append(key)
        defer {
            values.removeLast()
            keys.removeLast()
        }
        return try body()
    }

    /// A state of its own for a value read after this level has moved on (a nested container,
    /// a `superDecoder()`).
    func detached(_ value: JSONValue, at key: any CodingKey, below path: [any CodingKey]) -> DecodingState {
        DecodingState(root: value, path: path + [key], stringFormat: stringFormat)
    }
}

/// The `Decoder` of the value being read; it is also that value's single-value container. One
/// word, so an `any Decoder` of it needs no allocation.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let state: DecodingState

    private var value: JSONValue { state.current }
    var codingPath: [any CodingKey] { state.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let pairs):
            return KeyedDecodingContainer(KeyedDecoding<Key>(pairs: pairs, state: state, depth: state.keys.count))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Expected an object but found null."))
        default:
            throw JSONScalar.mismatch([String: Any].self, expected: "an object", found: value, at: codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items):
            return UnkeyedDecoding(items: items, state: state, depth: state.keys.count)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Expected an array but found null."))
        default:
            throw JSONScalar.mismatch([Any].self, expected: "an array", found: value, at: codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Reading the value

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try JSONScalar.bool(value, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try JSONScalar.string(value, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try JSONScalar.floatingPoint(value, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try JSONScalar.floatingPoint(value, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONScalar.integer(value, at: codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let format = state.stringFormat, format.applies(to: T.self) {
            return try JSONScalar.formatted(T.self, value, format, at: codingPath)
        }
        if T.self == JSONValue.self { return try itself(as: T.self) }
        return try T(from: self)
    }

    /// The value as a `JSONValue`, handed over as it is (`T` is `JSONValue`). Apart from
    /// `decode(_:)` so that its cast costs nothing to the types that are not.
    private func itself<T: Decodable>(as type: T.Type) throws -> T {
        guard let value = value as? T else { return try T(from: self) }
        return value
    }
}

/// Reading one scalar, with errors that say what was expected and found, never the value.
enum JSONScalar {
    static func bool(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw wrongKind(Bool.self, "true or false", value, path()) }
        return flag
    }

    static func string(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw wrongKind(String.self, "a string", value, path()) }
        return text
    }

    /// An integer; a number with a fraction or out of the type's range does not fit.
    static func integer<Integer: FixedWidthInteger>(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey])
        throws -> Integer
    {
        let result: Integer?
        switch value {
        case .int(let number): result = Integer(exactly: number)
        case .double(let number): result = Integer(exactly: number)
        default: throw wrongKind(Integer.self, "a number", value, path())
        }
        guard let result else { throw doesNotFit(Integer.self, path()) }
        return result
    }

    static func floatingPoint<Number: BinaryFloatingPoint>(
        _ value: JSONValue, at path: @autoclosure () -> [any CodingKey]
    ) throws -> Number {
        switch value {
        case .int(let number): return Number(number)
        case .double(let number):
            let result = Number(number)
            guard result.isFinite || !number.isFinite else { throw doesNotFit(Number.self, path()) }
            return result
        default: throw wrongKind(Number.self, "a number", value, path())
        }
    }

    /// A value read from a string in the caller's format, as a custom date strategy of
    /// Foundation's decoder reads a date: not a string is a mismatch with `String`.
    static func formatted<T>(
        _ type: T.Type, _ value: JSONValue, _ format: JSONStringFormat, at path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        guard let result = format.value(T.self, from: try string(value, at: path())) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: path(), debugDescription: format.failureDescription))
        }
        return result
    }

    /// Null is "not found"; anything else of the wrong kind is a mismatch.
    private static func wrongKind(_ type: Any.Type, _ expected: String, _ value: JSONValue, _ path: [any CodingKey])
        -> DecodingError
    {
        guard !value.isNull else {
            return DecodingError.valueNotFound(
                type, DecodingError.Context(codingPath: path, debugDescription: "Expected \(expected) but found null."))
        }
        return mismatch(type, expected: expected, found: value, at: path)
    }

    static func mismatch(_ type: Any.Type, expected: String, found value: JSONValue, at path: [any CodingKey])
        -> DecodingError
    {
        DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: path, debugDescription: "Expected \(expected) but found \(kind(of: value))."))
    }

    private static func doesNotFit(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: path, debugDescription: "The number does not fit in \(type)."))
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

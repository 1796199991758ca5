/// The `Decoder` of one JSON value; it is also that value's single-value container.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    /// The path of the container the value is in; with ``key`` it makes ``codingPath``, built
    /// only when asked (an error, a nested container), not for every value read.
    let parentPath: [any CodingKey]
    let key: (any CodingKey)?
    let options: DecodingOptions

    var codingPath: [any CodingKey] {
        guard let key else { return parentPath }
        return parentPath + [key]
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let pairs):
            return KeyedDecodingContainer(KeyedDecoding<Key>(pairs: pairs, codingPath: codingPath, options: options))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Expected an object but found null."))
        default:
            throw typeMismatch([String: Any].self, expected: "an object")
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items):
            return UnkeyedDecoding(items: items, codingPath: codingPath, options: options)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Expected an array but found null."))
        default:
            throw typeMismatch([Any].self, expected: "an array")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Reading the value

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch value {
        case .bool(let flag): return flag
        default: throw mismatch(Bool.self, expected: "true or false")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch value {
        case .string(let text): return text
        default: throw mismatch(String.self, expected: "a string")
        }
    }

    func decode(_ type: Double.Type) throws -> Double { try floatingPoint(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { try floatingPoint(Float.self) }
    func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let format = options.stringFormat, format.applies(to: T.self) { return try decodeFormatted(T.self, format) }
        if T.self == String.self, let text = try decode(String.self) as? T { return text }
        if T.self == JSONValue.self, let value = value as? T { return value }
        return try T(from: self)
    }

    /// A value read from a string in the caller's format, as a custom date strategy of
    /// Foundation's decoder reads a date: not a string is a mismatch with `String`.
    private func decodeFormatted<T>(_ type: T.Type, _ format: JSONStringFormat) throws -> T {
        let text = try decode(String.self)
        guard let value = format.value(T.self, from: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: format.failureDescription))
        }
        return value
    }

    /// An integer; a number with a fraction or out of the type's range does not fit.
    private func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        let result: Integer?
        switch value {
        case .int(let number): result = Integer(exactly: number)
        case .double(let number): result = Integer(exactly: number)
        default: throw mismatch(Integer.self, expected: "a number")
        }
        guard let result else { throw doesNotFit(Integer.self) }
        return result
    }

    private func floatingPoint<Number: BinaryFloatingPoint>(_ type: Number.Type) throws -> Number {
        switch value {
        case .int(let number): return Number(number)
        case .double(let number):
            let result = Number(number)
            guard result.isFinite || !number.isFinite else { throw doesNotFit(Number.self) }
            return result
        default: throw mismatch(Number.self, expected: "a number")
        }
    }

    // MARK: Errors (they say what was expected and found, never the value itself)

    /// Null is "not found"; anything else of the wrong kind is a mismatch.
    private func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
        guard !value.isNull else {
            return DecodingError.valueNotFound(
                type,
                DecodingError.Context(codingPath: codingPath, debugDescription: "Expected \(expected) but found null."))
        }
        return typeMismatch(type, expected: expected)
    }

    private func typeMismatch(_ type: Any.Type, expected: String) -> DecodingError {
        DecodingError.typeMismatch(
            type,
            DecodingError.Context(codingPath: codingPath, debugDescription: "Expected \(expected) but found \(kind).")
        )
    }

    private func doesNotFit(_ type: Any.Type) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: codingPath, debugDescription: "The number does not fit in \(type)."))
    }

    /// The kind of the value, for error descriptions.
    private var kind: String {
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

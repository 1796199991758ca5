/// An object's members, found by key; keys nobody asks for are ignored.
struct KeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let pairs: [(String, JSONValue)]
    let state: DecodingState
    /// How many of the state's keys lead to this object: the container is read while its
    /// value's level is on the state, so they are still there.
    let depth: Int

    var codingPath: [any CodingKey] { Array(state.keys.prefix(depth)) }
    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.0) } }

    func contains(_ key: Key) -> Bool { value(for: key) != nil }

    /// A linear search: models have a dozen keys, and a hostile object of many keys costs one
    /// pass per key asked for, never more.
    private func value(for key: Key) -> JSONValue? {
        let name = key.stringValue
        for pair in pairs where pair.0 == name { return pair.1 }
        return nil
    }

    private func required(_ key: Key) throws -> JSONValue {
        guard let value = value(for: key) else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "No value for this key."))
        }
        return value
    }

    /// The value of a key that is there and not null; nil otherwise.
    private func present(_ key: Key) -> JSONValue? {
        guard let value = value(for: key), !value.isNull else { return nil }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try required(key).isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try JSONScalar.bool(required(key), at: path(key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try JSONScalar.string(required(key), at: path(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try floatingPoint(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try floatingPoint(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try state.with(required(key), at: key) { try ValueDecoder(state: state).decode(type) }
    }

    private func integer<Integer: FixedWidthInteger>(_ key: Key) throws -> Integer {
        try JSONScalar.integer(required(key), at: path(key))
    }

    private func floatingPoint<Number: BinaryFloatingPoint>(_ key: Key) throws -> Number {
        try JSONScalar.floatingPoint(required(key), at: path(key))
    }

    // One search per optional key instead of the default's three (contains, decodeNil, decode).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try JSONScalar.bool($0, at: path(key)) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try JSONScalar.string($0, at: path(key)) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try JSONScalar.integer($0, at: path(key)) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try JSONScalar.floatingPoint($0, at: path(key)) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try state.with(value, at: key) { try ValueDecoder(state: state).decode(type) }
    }

    // MARK: Nesting: read after this call returns, so with a state of their own.

    private func detached(_ key: Key) throws -> ValueDecoder {
        ValueDecoder(state: state.detached(try required(key), at: key, below: codingPath))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try detached(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try detached(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let value = pairs.first { $0.0 == AnyCodingKey.superKey.stringValue }?.1 ?? .null
        return ValueDecoder(state: state.detached(value, at: AnyCodingKey.superKey, below: codingPath))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(state: state.detached(value(for: key) ?? .null, at: key, below: codingPath))
    }
}

/// An array's items, read in order. A failed read does not move past the item (as with
/// Foundation's decoder); `decodeNil` moves past a null.
struct UnkeyedDecoding: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let state: DecodingState
    /// How many of the state's keys lead to this array (see ``KeyedDecoding/depth``).
    let depth: Int
    private(set) var currentIndex = 0

    init(items: [JSONValue], state: DecodingState, depth: Int) {
        self.items = items
        self.state = state
        self.depth = depth
    }

    var codingPath: [any CodingKey] { Array(state.keys.prefix(depth)) }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var currentKey: AnyCodingKey { AnyCodingKey(index: currentIndex) }

    /// The current item, or an error when there is none.
    private func current(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [currentKey], debugDescription: "The array has no more items."))
        }
        return items[currentIndex]
    }

    /// Reads the current item with `read` and moves past it when that succeeds.
    private mutating func next<T>(_ read: (JSONValue, @autoclosure () -> [any CodingKey]) throws -> T) throws -> T {
        let value = try read(try current(T.self), codingPath + [currentKey])
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Any?.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try JSONScalar.bool($0, at: $1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try JSONScalar.string($0, at: $1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next { try JSONScalar.floatingPoint($0, at: $1()) }
    }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try JSONScalar.floatingPoint($0, at: $1()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try JSONScalar.integer($0, at: $1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try JSONScalar.integer($0, at: $1()) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try state.with(try current(type), at: currentKey) { try ValueDecoder(state: state).decode(type) }
        currentIndex += 1
        return value
    }

    // MARK: Nesting: read after this call returns, so with a state of their own.

    private mutating func detached(_ type: Any.Type) throws -> ValueDecoder {
        let decoder = ValueDecoder(state: state.detached(try current(type), at: currentKey, below: codingPath))
        currentIndex += 1
        return decoder
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let decoder = ValueDecoder(
            state: state.detached(
                try current(KeyedDecodingContainer<NestedKey>.self), at: currentKey, below: codingPath))
        let container = try decoder.container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let decoder = ValueDecoder(state: state.detached(try current([Any].self), at: currentKey, below: codingPath))
        let container = try decoder.unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder { try detached((any Decoder).self) }
}

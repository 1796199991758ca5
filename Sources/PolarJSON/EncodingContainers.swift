/// The `Encoder` a value is handed: it fills one slot of the ``EncodingSink``. Three words, so
/// an `any Encoder` of it needs no allocation.
struct EncoderLevel: Encoder {
    let sink: EncodingSink
    let slot: Int
    /// The container the slot is in; ``EncodingSink/topLevel`` for none.
    let parentFrame: Int

    var codingPath: [any CodingKey] { sink.codingPath(ofSlotIn: parentFrame) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let frame = sink.openContainer(in: slot, of: parentFrame, isObject: true)
        return KeyedEncodingContainer(KeyedContainer<Key>(sink: sink, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(sink: sink, frame: sink.openContainer(in: slot, of: parentFrame, isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(level: self) }
}

extension EncodingSink {
    /// Refuses what JSON cannot hold rather than write `null` for it, as Foundation's encoder does.
    func requireFinite<Number: BinaryFloatingPoint>(_ value: Number, codingPath: @autoclosure () -> [any CodingKey])
        throws
    {
        guard !value.isFinite else { return }
        throw EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: codingPath(), debugDescription: "JSON has no \(value)."))
    }

    /// Writes a member's key (`key`) or an item's comma (no key) in `frame`.
    private func begin(in frame: Int, key: (any CodingKey)?) throws {
        if let key { try beginMember(in: frame, key: key) } else { try beginItem(in: frame) }
    }

    /// A nested container's frame, or ``topLevel`` (none) after recording why there is none.
    func nestedFrame(in frame: Int, key: (any CodingKey)?, isObject: Bool) -> Int {
        do {
            try begin(in: frame, key: key)
        } catch {
            record(error)
            return Self.topLevel
        }
        return openContainer(in: openSlotForMember(), of: frame, isObject: isObject)
    }

    /// An encoder for a member or item whose value comes later (a `superEncoder()`).
    func laterEncoder(in frame: Int, key: (any CodingKey)?) -> EncoderLevel {
        do {
            try begin(in: frame, key: key)
        } catch {
            record(error)
            return EncoderLevel(sink: self, slot: 0, parentFrame: frame)
        }
        return EncoderLevel(sink: self, slot: openSlotForMember(), parentFrame: frame)
    }
}

/// An object's members, written as they come.
struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: EncodingSink
    let frame: Int

    var codingPath: [any CodingKey] { sink.codingPath(ofFrame: frame) }

    mutating func encodeNil(forKey key: Key) throws {
        try sink.beginMember(in: frame, key: key)
        JSONTextWriter.writeNull(into: &sink.bytes)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try sink.beginMember(in: frame, key: key)
        JSONTextWriter.writeBool(value, into: &sink.bytes)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try sink.beginMember(in: frame, key: key)
        JSONTextWriter.writeString(value, into: &sink.bytes)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws { try encodeFloatingPoint(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encodeFloatingPoint(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try sink.beginMember(in: frame, key: key)
        try sink.encodeValue(value, slot: sink.openSlotForMember(), parentFrame: frame)
    }

    private func encodeInteger<Integer: BinaryInteger>(_ value: Integer, forKey key: Key) throws {
        try sink.beginMember(in: frame, key: key)
        JSONTextWriter.writeInteger(value, into: &sink.bytes)
    }

    private func encodeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Number, forKey key: Key
    ) throws {
        try sink.requireFinite(value, codingPath: codingPath + [key])
        try sink.beginMember(in: frame, key: key)
        JSONTextWriter.writeFloatingPoint(value, into: &sink.bytes)
    }

    // MARK: Absent optionals: `null` or nothing, as the encoder was told.

    private mutating func encodeAbsent(forKey key: Key) throws {
        if sink.writesAbsentAsNull { try encodeNil(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeAbsent(forKey: key) }
    }

    // MARK: Nesting

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(
            KeyedContainer<NestedKey>(sink: sink, frame: sink.nestedFrame(in: frame, key: key, isObject: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(sink: sink, frame: sink.nestedFrame(in: frame, key: key, isObject: false))
    }

    mutating func superEncoder() -> any Encoder { sink.laterEncoder(in: frame, key: AnyCodingKey.superKey) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { sink.laterEncoder(in: frame, key: key) }
}

/// An array's items, written as they come.
struct UnkeyedContainer: UnkeyedEncodingContainer, ScalarWriting {
    let sink: EncodingSink
    let frame: Int

    var codingPath: [any CodingKey] { sink.codingPath(ofFrame: frame) }
    var count: Int { sink.count(ofFrame: frame) }

    var nextValuePath: [any CodingKey] { codingPath + [AnyCodingKey(index: count)] }

    func claimPlace() throws { try sink.beginItem(in: frame) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.beginItem(in: frame)
        try sink.encodeValue(value, slot: sink.openSlotForMember(), parentFrame: frame)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(
            KeyedContainer<NestedKey>(sink: sink, frame: sink.nestedFrame(in: frame, key: nil, isObject: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(sink: sink, frame: sink.nestedFrame(in: frame, key: nil, isObject: false))
    }

    mutating func superEncoder() -> any Encoder { sink.laterEncoder(in: frame, key: nil) }
}

/// The one value of a slot.
struct SingleValueContainer: SingleValueEncodingContainer, ScalarWriting {
    let level: EncoderLevel

    var codingPath: [any CodingKey] { level.codingPath }
    var sink: EncodingSink { level.sink }

    var nextValuePath: [any CodingKey] { codingPath }

    func claimPlace() throws { try sink.claim(level.slot, codingPath: codingPath) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.requireOpen(level.slot, codingPath: codingPath)
        try sink.encodeValue(value, slot: level.slot, parentFrame: level.parentFrame)
    }
}

/// How the unkeyed and the single-value containers write a scalar: claim the place of the
/// next value (an array item, or the slot), then write it. Written once for both.
protocol ScalarWriting {
    var sink: EncodingSink { get }
    /// Where the next value goes, for the error about a number JSON cannot hold.
    var nextValuePath: [any CodingKey] { get }
    /// Claims the place of the next value, or throws if it is taken.
    func claimPlace() throws
}

extension ScalarWriting {
    func encodeNil() throws {
        try claimPlace()
        JSONTextWriter.writeNull(into: &sink.bytes)
    }

    func encode(_ value: Bool) throws {
        try claimPlace()
        JSONTextWriter.writeBool(value, into: &sink.bytes)
    }

    func encode(_ value: String) throws {
        try claimPlace()
        JSONTextWriter.writeString(value, into: &sink.bytes)
    }

    func encode(_ value: Double) throws { try encodeFloatingPoint(value) }
    func encode(_ value: Float) throws { try encodeFloatingPoint(value) }
    func encode(_ value: Int) throws { try encodeInteger(value) }
    func encode(_ value: Int8) throws { try encodeInteger(value) }
    func encode(_ value: Int16) throws { try encodeInteger(value) }
    func encode(_ value: Int32) throws { try encodeInteger(value) }
    func encode(_ value: Int64) throws { try encodeInteger(value) }
    func encode(_ value: UInt) throws { try encodeInteger(value) }
    func encode(_ value: UInt8) throws { try encodeInteger(value) }
    func encode(_ value: UInt16) throws { try encodeInteger(value) }
    func encode(_ value: UInt32) throws { try encodeInteger(value) }
    func encode(_ value: UInt64) throws { try encodeInteger(value) }

    private func encodeInteger<Integer: BinaryInteger>(_ value: Integer) throws {
        try claimPlace()
        JSONTextWriter.writeInteger(value, into: &sink.bytes)
    }

    private func encodeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number)
        throws
    {
        try sink.requireFinite(value, codingPath: nextValuePath)
        try claimPlace()
        JSONTextWriter.writeFloatingPoint(value, into: &sink.bytes)
    }
}

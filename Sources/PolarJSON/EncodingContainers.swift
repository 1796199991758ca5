/// The `Encoder` a value is handed: it fills one slot of the ``EncodingSink``.
struct EncoderLevel: Encoder {
    let sink: EncodingSink
    let slot: Int
    /// The container the slot is in; nil at the top level.
    let parentFrame: Int?
    /// The slot's key in that container.
    let key: (any CodingKey)?

    var codingPath: [any CodingKey] { sink.codingPath(ofFrame: parentFrame) + (key.map { [$0] } ?? []) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let frame = sink.openContainer(in: slot, isObject: true, key: key, codingPath: { codingPath })
        return KeyedEncodingContainer(KeyedContainer<Key>(sink: sink, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(
            sink: sink, frame: sink.openContainer(in: slot, isObject: false, key: key, codingPath: { codingPath }))
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

    /// A nested container's frame, or nil after recording why there is none.
    func nestedFrame(in frame: Int?, key: any CodingKey, isObject: Bool, codingPath: () -> [any CodingKey]) -> Int? {
        do {
            try beginMember(in: frame, key: key)
        } catch {
            record(error)
            return nil
        }
        return openContainer(in: openSlotForMember(), isObject: isObject, key: key, codingPath: codingPath)
    }
}

/// An object's members, written as they come.
struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: EncodingSink
    let frame: Int?

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
        try sink.encodeValue(value, slot: sink.openSlotForMember(), parentFrame: frame, key: key)
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
        let nested = sink.nestedFrame(in: frame, key: key, isObject: true, codingPath: { codingPath + [key] })
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(sink: sink, frame: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(
            sink: sink,
            frame: sink.nestedFrame(in: frame, key: key, isObject: false, codingPath: { codingPath + [key] }))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(at: AnyCodingKey.superKey) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(at: key) }

    private func superEncoder(at key: any CodingKey) -> any Encoder {
        do {
            try sink.beginMember(in: frame, key: key)
        } catch {
            sink.record(error)
            return EncoderLevel(sink: sink, slot: 0, parentFrame: frame, key: key)
        }
        return EncoderLevel(sink: sink, slot: sink.openSlotForMember(), parentFrame: frame, key: key)
    }
}

/// An array's items, written as they come.
struct UnkeyedContainer: UnkeyedEncodingContainer {
    let sink: EncodingSink
    let frame: Int?

    var codingPath: [any CodingKey] { sink.codingPath(ofFrame: frame) }
    var count: Int { sink.count(ofFrame: frame) }

    mutating func encodeNil() throws {
        _ = try sink.beginItem(in: frame)
        JSONTextWriter.writeNull(into: &sink.bytes)
    }

    mutating func encode(_ value: Bool) throws {
        _ = try sink.beginItem(in: frame)
        JSONTextWriter.writeBool(value, into: &sink.bytes)
    }

    mutating func encode(_ value: String) throws {
        _ = try sink.beginItem(in: frame)
        JSONTextWriter.writeString(value, into: &sink.bytes)
    }

    mutating func encode(_ value: Double) throws { try encodeFloatingPoint(value) }
    mutating func encode(_ value: Float) throws { try encodeFloatingPoint(value) }
    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = try sink.beginItem(in: frame)
        try sink.encodeValue(
            value, slot: sink.openSlotForMember(), parentFrame: frame, key: AnyCodingKey(index: index))
    }

    private func encodeInteger<Integer: BinaryInteger>(_ value: Integer) throws {
        _ = try sink.beginItem(in: frame)
        JSONTextWriter.writeInteger(value, into: &sink.bytes)
    }

    private func encodeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number)
        throws
    {
        try sink.requireFinite(value, codingPath: codingPath + [AnyCodingKey(index: count)])
        _ = try sink.beginItem(in: frame)
        JSONTextWriter.writeFloatingPoint(value, into: &sink.bytes)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(sink: sink, frame: nestedFrame(isObject: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(sink: sink, frame: nestedFrame(isObject: false))
    }

    mutating func superEncoder() -> any Encoder {
        do {
            let index = try sink.beginItem(in: frame)
            return EncoderLevel(
                sink: sink, slot: sink.openSlotForMember(), parentFrame: frame, key: AnyCodingKey(index: index))
        } catch {
            sink.record(error)
            return EncoderLevel(sink: sink, slot: 0, parentFrame: frame, key: nil)
        }
    }

    private func nestedFrame(isObject: Bool) -> Int? {
        let index: Int
        do {
            index = try sink.beginItem(in: frame)
        } catch {
            sink.record(error)
            return nil
        }
        let key = AnyCodingKey(index: index)
        return sink.openContainer(
            in: sink.openSlotForMember(), isObject: isObject, key: key, codingPath: { codingPath + [key] })
    }
}

/// The one value of a slot.
struct SingleValueContainer: SingleValueEncodingContainer {
    let level: EncoderLevel

    var codingPath: [any CodingKey] { level.codingPath }
    private var sink: EncodingSink { level.sink }

    mutating func encodeNil() throws {
        try sink.claim(level.slot, codingPath: codingPath)
        JSONTextWriter.writeNull(into: &sink.bytes)
    }

    mutating func encode(_ value: Bool) throws {
        try sink.claim(level.slot, codingPath: codingPath)
        JSONTextWriter.writeBool(value, into: &sink.bytes)
    }

    mutating func encode(_ value: String) throws {
        try sink.claim(level.slot, codingPath: codingPath)
        JSONTextWriter.writeString(value, into: &sink.bytes)
    }

    mutating func encode(_ value: Double) throws { try encodeFloatingPoint(value) }
    mutating func encode(_ value: Float) throws { try encodeFloatingPoint(value) }
    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.requireOpen(level.slot, codingPath: codingPath)
        try sink.encodeValue(value, slot: level.slot, parentFrame: level.parentFrame, key: level.key)
    }

    private func encodeInteger<Integer: BinaryInteger>(_ value: Integer) throws {
        try sink.claim(level.slot, codingPath: codingPath)
        JSONTextWriter.writeInteger(value, into: &sink.bytes)
    }

    private func encodeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number)
        throws
    {
        try sink.requireFinite(value, codingPath: codingPath)
        try sink.claim(level.slot, codingPath: codingPath)
        JSONTextWriter.writeFloatingPoint(value, into: &sink.bytes)
    }
}

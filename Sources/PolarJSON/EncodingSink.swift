/// The state of one ``OrderedJSONEncoder/encode(_:into:)``: the bytes written so far and the
/// containers still open, innermost last.
///
/// Every value goes into a *slot*: the top level, the place after an object's `"key":`, or an
/// array's next item. A slot is filled by a scalar or by opening one container; a container is
/// closed when the value that opened it has finished encoding, or when its parent is written
/// to again (a nested container has no end call). Containers and encoders are small handles
/// (the sink, a slot, a frame number), so handing them to a value allocates nothing.
final class EncodingSink {
    // The sink is made for one encode and used by its own containers, one call at a time on one
    // thread, and no access to these overlaps another: the run-time exclusivity checks, a third
    // of the encoder's time, are left out.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    let stringFormat: JSONStringFormat?
    let writesAbsentAsNull: Bool

    /// The frame number of the top level, which is in no container.
    static let topLevel = 0

    /// An open object or array.
    struct Frame {
        let id: Int
        let isObject: Bool
        /// Where it sits in its parent; nil at the top level.
        let key: (any CodingKey)?
        /// The slot it fills.
        let slot: Int
        /// Members or items written so far.
        var count = 0
        /// An object's latest key: the key of the member being written.
        var lastKey: (any CodingKey)?
    }

    @exclusivity(unchecked) private var frames: [Frame] = []
    /// The slot waiting for its value, if any; it is always in the innermost open container.
    @exclusivity(unchecked) private var openSlot: Int?
    @exclusivity(unchecked) private var lastID = 0
    /// A misuse found where the `Encoder` API cannot throw; thrown at the next chance.
    @exclusivity(unchecked) private var failure: EncodingError? {
        didSet { failed = failure != nil }
    }
    /// Whether there is a `failure`, cheap to ask on every write.
    @exclusivity(unchecked) private var failed = false

    init(stringFormat: JSONStringFormat?, writesAbsentAsNull: Bool) {
        self.stringFormat = stringFormat
        self.writesAbsentAsNull = writesAbsentAsNull
    }

    private func newID() -> Int {
        lastID += 1
        return lastID
    }

    // MARK: Values

    func encodeTopLevel<Value: Encodable>(_ value: Value) throws {
        let slot = newID()
        openSlot = slot
        try encodeValue(value, slot: slot, parentFrame: Self.topLevel)
        if failed, let failure { throw failure }
        if openSlot == slot {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "\(Value.self) did not encode any value."))
        }
    }

    /// Writes `value` into `slot` of `parentFrame`, which is open. Values of the string format's
    /// type, ``JSONValue``s and strings are written directly; anything else encodes itself, and
    /// whatever it left open is closed after it.
    func encodeValue<Value: Encodable>(_ value: Value, slot: Int, parentFrame: Int) throws {
        if let stringFormat, stringFormat.applies(to: Value.self), let text = stringFormat.text(of: value) {
            fill(slot)
            JSONTextWriter.writeString(text, into: &bytes)
            return
        }
        if Value.self == String.self, let text = value as? String {
            fill(slot)
            JSONTextWriter.writeString(text, into: &bytes)
            return
        }
        if Value.self == JSONValue.self, let json = value as? JSONValue {
            fill(slot)
            json.write(into: &bytes)
            return
        }
        let depth = frames.count
        try value.encode(to: EncoderLevel(sink: self, slot: slot, parentFrame: parentFrame))
        if failed, let failure { throw failure }
        while frames.count > depth { closeInnermost() }
        // A value that wrote nothing is an empty object, as Foundation's encoder has it (at the
        // top level it is an error instead).
        if openSlot == slot, parentFrame != Self.topLevel {
            fill(slot)
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        }
    }

    /// Marks `slot` as written; the caller writes its value next.
    private func fill(_ slot: Int) {
        if openSlot == slot { openSlot = nil }
    }

    /// Claims `slot` for a scalar; refuses a second value or a value too late.
    func claim(_ slot: Int, codingPath: @autoclosure () -> [any CodingKey]) throws {
        try requireOpen(slot, codingPath: codingPath())
        openSlot = nil
    }

    /// Refuses a second value or a value too late.
    func requireOpen(_ slot: Int, codingPath: @autoclosure () -> [any CodingKey]) throws {
        if failed, let failure { throw failure }
        guard openSlot == slot else {
            throw EncodingError.invalidValue(
                Optional<Int>.none as Any,
                EncodingError.Context(
                    codingPath: codingPath(),
                    debugDescription: "A value was encoded twice, or after its container had moved on."))
        }
    }

    // MARK: Containers

    /// Opens the container that fills `slot` (of `parentFrame`), or finds it when the value asks
    /// again. Returns its frame number, or ``topLevel`` (no container) after recording why not.
    func openContainer(in slot: Int, of parentFrame: Int, isObject: Bool) -> Int {
        guard !failed else { return Self.topLevel }
        if openSlot == slot {
            openSlot = nil
            bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
            let id = newID()
            let key = frames.last.flatMap { $0.id == parentFrame ? Self.memberKey(of: $0) : nil }
            frames.append(Frame(id: id, isObject: isObject, key: key, slot: slot))
            return id
        }
        if let existing = frames.last(where: { $0.slot == slot }), existing.isObject == isObject {
            return existing.id
        }
        record(
            codingPath(ofSlotIn: parentFrame),
            "A container was asked for after its value had been written or had moved on.")
        return Self.topLevel
    }

    /// Writes what comes before a member of the object `frameID`: a comma, its key and a colon.
    /// A key written twice is written twice, and JSON readers keep the last value, which is
    /// what Foundation's encoder writes.
    func beginMember(in frameID: Int, key: any CodingKey) throws {
        let position = try enter(frameID, key: key)
        if frames[position].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[position].count += 1
        frames[position].lastKey = key
        JSONTextWriter.writeString(key.stringValue, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes what comes before an item of the array `frameID` (a comma).
    func beginItem(in frameID: Int) throws {
        let position = try enter(frameID, key: nil)
        if frames[position].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[position].count += 1
    }

    /// Makes the container `frameID` the innermost again, closing any container opened inside
    /// it that was left open; refuses a container already closed.
    private func enter(_ frameID: Int, key: (any CodingKey)?) throws -> Int {
        if failed, let failure { throw failure }
        // Nearly always the innermost; a search only after a nested container was left open.
        let position: Int
        if let last = frames.indices.last, frames[last].id == frameID {
            position = last
        } else if let found = frames.lastIndex(where: { $0.id == frameID }) {
            position = found
        } else {
            throw EncodingError.invalidValue(
                Optional<Int>.none as Any,
                EncodingError.Context(
                    codingPath: key.map { [$0] } ?? [],
                    debugDescription: "A container was written to after it had been closed."))
        }
        while frames.count > position + 1 { closeInnermost() }
        fillLeftOpenSlot()
        return position
    }

    /// How many members or items the container `frameID` has so far.
    func count(ofFrame frameID: Int) -> Int {
        frames.last { $0.id == frameID }?.count ?? 0
    }

    /// Opens a slot after ``beginMember(in:key:)`` or ``beginItem(in:)`` for the value to come.
    func openSlotForMember() -> Int {
        let slot = newID()
        openSlot = slot
        return slot
    }

    /// A slot whose value never came (a `superEncoder()` left unused) holds an empty object.
    private func fillLeftOpenSlot() {
        guard openSlot != nil else { return }
        openSlot = nil
        bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
    }

    private func closeInnermost() {
        fillLeftOpenSlot()
        let frame = frames.removeLast()
        bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Keeps the first misuse found where the `Encoder` API cannot throw.
    func record(_ codingPath: [any CodingKey], _ description: String) {
        guard !failed else { return }
        failure = EncodingError.invalidValue(
            Optional<Int>.none as Any, EncodingError.Context(codingPath: codingPath, debugDescription: description))
    }

    func record(_ error: any Error) {
        guard !failed else { return }
        failure =
            error as? EncodingError
            ?? EncodingError.invalidValue(
                Optional<Int>.none as Any, EncodingError.Context(codingPath: [], debugDescription: "\(error)"))
    }

    // MARK: Coding paths (made only when asked for)

    /// The keys from the top level down to the container `frameID`.
    func codingPath(ofFrame frameID: Int) -> [any CodingKey] {
        guard let position = frames.lastIndex(where: { $0.id == frameID }) else { return [] }
        return frames[...position].compactMap(\.key)
    }

    /// The path of the member or item being written in `frameID`.
    func codingPath(ofSlotIn frameID: Int) -> [any CodingKey] {
        guard let frame = frames.last(where: { $0.id == frameID }), let key = Self.memberKey(of: frame) else {
            return []
        }
        return codingPath(ofFrame: frameID) + [key]
    }

    /// The key of the member or item a container is writing: an object's latest key, an array's
    /// latest index.
    private static func memberKey(of frame: Frame) -> (any CodingKey)? {
        frame.isObject ? frame.lastKey : AnyCodingKey(index: max(frame.count - 1, 0))
    }
}

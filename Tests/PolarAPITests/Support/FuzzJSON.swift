/// A JSON value for building and mutating test bodies. Numbers keep their text, so a body
/// can carry `1e400` or `18446744073709551616`, which no Swift number type holds.
indirect enum FuzzJSON: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([FuzzJSON])
    /// Pairs in order; a key may repeat (a mutation does that on purpose).
    case object([(String, FuzzJSON)])
    /// Text written as is: deep nesting is made this way, so building it needs no recursion.
    case raw(String)

    /// Compact JSON text, as UTF-8 bytes.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .number(let text), .raw(let text): out += Array(text.utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out += [UInt8(ascii: "\\"), byte]
            case ..<0x20:
                let hex = Array(String(byte, radix: 16).utf8)
                out += Array("\\u00".utf8) + (hex.count == 1 ? [UInt8(ascii: "0")] : []) + hex
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Every path to a value inside, the root included (as `[]`).
    var paths: [[PathStep]] {
        var result: [[PathStep]] = [[]]
        switch self {
        case .array(let items):
            for (index, item) in items.enumerated() { result += item.paths.map { [.index(index)] + $0 } }
        case .object(let pairs):
            for (index, (_, value)) in pairs.enumerated() { result += value.paths.map { [.pair(index)] + $0 } }
        default:
            break
        }
        return result
    }

    enum PathStep: Sendable {
        case index(Int)
        /// The n-th pair of an object (keys may repeat, so not by name).
        case pair(Int)
    }

    /// The value at `path`.
    subscript(path: [PathStep]) -> FuzzJSON {
        get {
            guard let step = path.first else { return self }
            let rest = Array(path.dropFirst())
            switch (self, step) {
            case (.array(let items), .index(let index)) where items.indices.contains(index): return items[index][rest]
            case (.object(let pairs), .pair(let index)) where pairs.indices.contains(index): return pairs[index].1[rest]
            default: return self
            }
        }
        set {
            guard let step = path.first else {
                self = newValue
                return
            }
            let rest = Array(path.dropFirst())
            switch (self, step) {
            case (.array(var items), .index(let index)) where items.indices.contains(index):
                items[index][rest] = newValue
                self = .array(items)
            case (.object(var pairs), .pair(let index)) where pairs.indices.contains(index):
                pairs[index].1[rest] = newValue
                self = .object(pairs)
            default:
                break
            }
        }
    }
}

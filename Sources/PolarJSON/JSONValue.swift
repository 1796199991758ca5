/// A JSON value that keeps object key order and tells integers from other numbers, so request
/// bodies can be echoed back in validation errors and answers written exactly like Polar's.
/// ``JSONParser`` reads one; ``OrderedJSONDecoder`` decodes models from one.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        var bytes: [UInt8] = []
        write(into: &bytes)
        hasher.combine(bytes)
    }

    /// The value for `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as JSON text: compact by default, non-ASCII left as is, like Starlette's
    /// `JSONResponse`.
    public func serialized(style: JSONStyle = .compact) -> String {
        var bytes: [UInt8] = []
        write(into: &bytes, style: style)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value as JSON text, keys in their order.
    public func write(into out: inout [UInt8], style: JSONStyle = .compact) {
        switch self {
        case .null: JSONTextWriter.writeNull(into: &out)
        case .bool(let value): JSONTextWriter.writeBool(value, into: &out)
        case .int(let value): JSONTextWriter.writeInteger(value, into: &out)
        case .double(let value): JSONTextWriter.writeFloatingPoint(value, into: &out)
        case .string(let text): JSONTextWriter.writeString(text, style: style, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { JSONTextWriter.writeComma(style: style, into: &out) }
                item.write(into: &out, style: style)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { JSONTextWriter.writeComma(style: style, into: &out) }
                JSONTextWriter.writeString(pair.0, style: style, into: &out)
                JSONTextWriter.writeColon(style: style, into: &out)
                pair.1.write(into: &out, style: style)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    public init(nilLiteral: ()) { self = .null }

    public init(_ text: String?) { self = text.map { .string($0) } ?? .null }
    public init(_ number: Int?) { self = number.map { .int($0) } ?? .null }
    public init(_ flag: Bool?) { self = flag.map { .bool($0) } ?? .null }
}

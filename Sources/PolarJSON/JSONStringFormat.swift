/// How the values of one type are written and read as JSON strings, in a format the caller
/// knows: PolarAPI gives its timestamps for `Date`. Values of that type skip their own
/// `Codable` conformance. (So this module needs nothing from Foundation, not even `Date`.)
public struct JSONStringFormat: Sendable {
    private let type: ObjectIdentifier
    private let format: @Sendable (Any) -> String?
    private let parse: @Sendable (String) -> Any?
    /// What a decoding error says of a string that the format refuses, e.g. "Not an RFC 3339
    /// timestamp". It never quotes the string: a value may be a secret.
    public let failureDescription: String

    public init<Value>(
        for type: Value.Type, failureDescription: String, format: @escaping @Sendable (Value) -> String,
        parse: @escaping @Sendable (String) -> Value?
    ) {
        self.type = ObjectIdentifier(type)
        self.failureDescription = failureDescription
        self.format = { value in (value as? Value).map(format) }
        self.parse = { text in parse(text) }
    }

    /// True when values of `Value` are written and read by this format.
    func applies<Value>(to: Value.Type) -> Bool { ObjectIdentifier(Value.self) == type }

    /// The text of `value`, a value of the type the format is for.
    func text<Value>(of value: Value) -> String? { format(value) }

    /// The value `text` names, or nil when the format refuses it.
    func value<Value>(_ type: Value.Type, from text: String) -> Value? { parse(text) as? Value }
}

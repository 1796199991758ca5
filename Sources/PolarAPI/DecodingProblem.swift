/// A decoding failure in words: where and what, never the values (an item may hold a secret,
/// and a server's text is not ours to repeat).
enum DecodingProblem {
    /// Describes `error`, naming places relative to `base` (the coding path of the item being
    /// read, so a list item's problem reads `enabled`, not `items[3].enabled`).
    static func describe(_ error: any Error, below base: [any CodingKey] = []) -> String {
        guard let error = error as? DecodingError else { return "not the expected JSON" }
        /// " at enabled", " at events[0]", or "" for the value being read itself.
        func place(_ codingPath: [any CodingKey]) -> String {
            let relative = codingPath.count >= base.count ? Array(codingPath.dropFirst(base.count)) : codingPath
            let text = relative.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "" : " at " + String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"\(place(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(name(of: type))\(place(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "null where \(name(of: type)) was expected\(place(context.codingPath))"
        case .dataCorrupted(let context):
            let kind = kind(of: context.debugDescription)
            if context.codingPath.isEmpty { return kind == nestedTooDeeply ? kind : "not JSON" }
            return "\(kind)\(place(context.codingPath))"
        @unknown default:
            return "not the expected JSON"
        }
    }

    private static let nestedTooDeeply = "JSON nested too deeply"

    /// What a `dataCorrupted` was about, classified rather than passed on: a decoder's wording
    /// is not ours to show (Foundation's quotes the value; `OrderedJSONDecoder`'s does not, and
    /// it says "does not fit", "nested" and, for timestamps, `PolarCoding`'s "Not an RFC 3339
    /// timestamp").
    private static func kind(of debugDescription: String) -> String {
        let text = debugDescription.lowercased()
        if text.hasPrefix("not an rfc 3339 timestamp") { return "not an RFC 3339 timestamp" }
        if text.contains("does not fit") || text.contains("not representable") || text.contains("out of range") {
            return "a number out of range"
        }
        if text.contains("nested") || text.contains("depth") { return nestedTooDeeply }
        return "an invalid value"
    }

    /// `String`, `Bool`, `a number`, `an object`, `a list`: plain names for the expected type.
    private static func name(of type: Any.Type) -> String {
        let text = String(describing: type)
        if text.hasPrefix("Array<") { return "a list" }
        if text.hasPrefix("Dictionary<") || text.contains("KeyedDecodingContainer") { return "an object" }
        switch text {
        case "Int", "Int64", "Int32", "UInt", "Double", "Float": return "a number"
        case "Bool": return "true or false"
        case "String": return "a string"
        default: return text
        }
    }
}

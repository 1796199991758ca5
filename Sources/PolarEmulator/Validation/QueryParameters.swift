import FoundationEssentials
import PolarJSON

/// A request's query string, with repeated keys kept in order.
struct QueryParameters: Sendable {
    private(set) var pairs: [(String, String)] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((key, value))
        }
    }

    /// The last value of `key` (FastAPI takes the last for a scalar parameter).
    func last(_ key: String) -> String? { pairs.last { $0.0 == key }?.1 }

    func all(_ key: String) -> [String] { pairs.filter { $0.0 == key }.map(\.1) }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                let high = iterator.next()
                let low = iterator.next()
                if let high, let low,
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                    if let high { bytes.append(high) }
                    if let low { bytes.append(low) }
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Query value checks with pydantic's wording.
enum QueryValidation {
    /// `page` / `limit`: a positive lax integer (``LaxInteger``), default `fallback`.
    static func positiveInt(
        _ query: QueryParameters, _ key: String, fallback: Int, errors: inout [ValidationItem]
    ) -> Int {
        guard let text = query.last(key) else { return fallback }
        let loc: [JSONValue] = ["query", .string(key)]
        guard let value = LaxInteger.parse(text) else {
            errors.append(.intParsing(loc, input: .string(text)))
            return fallback
        }
        guard value > 0 else {
            errors.append(.greaterThanZero(loc, input: .string(text)))
            return fallback
        }
        return value
    }

    /// pydantic's lax booleans.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "on", "t", "true", "y", "yes": true
        case "0", "off", "f", "false", "n", "no": false
        default: nil
        }
    }

    static func bool(_ query: QueryParameters, _ key: String, errors: inout [ValidationItem]) -> Bool? {
        guard let text = query.last(key) else { return nil }
        guard let value = bool(text) else {
            errors.append(.boolParsing(["query", .string(key)], input: .string(text)))
            return nil
        }
        return value
    }

    /// A time-zone-aware datetime: RFC 3339, or a Unix timestamp (pydantic accepts those too).
    static func awareTimestamp(
        _ query: QueryParameters, _ key: String, errors: inout [ValidationItem]
    ) -> Date? {
        guard let text = query.last(key) else { return nil }
        let loc: [JSONValue] = ["query", .string(key)]
        switch TimestampParsing.parse(text) {
        case .aware(let date): return date
        case .naive:
            errors.append(
                ValidationItem(
                    type: "timezone_aware", loc: loc, msg: "Input should have timezone info",
                    input: .string(text)))
        case .invalid(let reason):
            errors.append(
                ValidationItem(
                    type: "datetime_from_date_parsing", loc: loc,
                    msg: "Input should be a valid datetime or date, \(reason)",
                    input: .string(text), ctx: ["error": .string(reason)]))
        }
        return nil
    }
}

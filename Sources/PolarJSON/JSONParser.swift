/// A small strict JSON parser that keeps key order and integer-ness (Foundation's loses both).
///
/// Numbers follow RFC 8259 (and Python's `json`): `01`, `1.` and `.5` are not numbers. Of a
/// key given twice the last value is kept, at the first one's place (as a Python `dict` does).
/// Nesting deeper than ``maximumDepth`` is refused rather than risk the stack.
public struct JSONParser {
    /// Why the text is not JSON, and where.
    public struct Failure: Error, CustomStringConvertible {
        /// Python's `json` wording, which FastAPI puts in `ctx.error`.
        public let message: String
        /// The byte offset the parser had reached.
        public let offset: Int

        /// True when the text nests deeper than ``JSONParser/maximumDepth``: it may well be
        /// JSON, only too deep to read.
        public var isNestingTooDeep: Bool { message == JSONParser.nestingTooDeep }

        public var description: String { "\(message) (byte \(offset))" }
    }

    /// Objects and arrays nested deeper than this are refused.
    public static let maximumDepth = 512
    static let nestingTooDeep = "Nesting too deep"

    /// The string value of the top-level key `key` of a JSON object: the last one when a
    /// stranger repeats the key (as Python's `json` reads it), nil when the document is not a
    /// valid JSON object, the value is not a string or its bytes are not UTF-8.
    ///
    /// The same reading as ``parse(_:)``, in one pass that builds nothing but that string: the
    /// listener reads every webhook's `type`, and building the whole payload would cost more
    /// than the rest of its handling.
    public static func topLevelString(forKey key: String, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return try? reader.topLevelString(forKey: key)
        }
    }

    /// Parses a whole document: one value, surrounded by nothing but whitespace.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var outcome: Result<JSONValue, Failure> = .failure(Failure(message: "Expecting value", offset: 0))
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            do throws(Failure) {
                outcome = .success(try reader.document())
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome.get()
    }

    /// The parse itself, over the bytes without copying them.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// An object with more members than this finds repeated keys through a dictionary, so a
        /// hostile object of many keys costs linear time, not quadratic.
        static let linearKeySearchLimit = 16

        mutating func document() throws(Failure) -> JSONValue {
            skipWhitespace()
            let value = try value(depth: 0)
            skipWhitespace()
            guard index == bytes.count else { throw fail("Extra data") }
            return value
        }

        private func fail(_ message: String) -> Failure { Failure(message: message, offset: index) }

        private func byte(is expected: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: expected)
        }

        private func isDigit(at position: Int) -> Bool {
            position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        private mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth < JSONParser.maximumDepth else { throw fail(JSONParser.nestingTooDeep) }
            guard index < bytes.count else { throw fail("Expecting value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail("Expecting value") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw fail("Expecting value")
            }
            index += count
            return value
        }

        private mutating func object(depth: Int) throws(Failure) -> JSONValue {
            var pairs: [(String, JSONValue)] = []
            var positions: [String: Int]? = nil
            try forEachMember(keyed: true) { reader, key throws(Failure) in
                let value = try reader.value(depth: depth + 1)
                Self.insert(key ?? "", value, into: &pairs, positions: &positions)
            }
            return .object(pairs)
        }

        /// Walks the members of an object or the items of an array, `index` at its opening
        /// bracket: `read` is handed each one with `index` at its value (and, in an object, its
        /// key) and must read or skip the value. The one place the delimiters are checked.
        private mutating func forEachMember(
            keyed: Bool, _ read: (inout Reader, String?) throws(Failure) -> Void
        ) throws(Failure) {
            let closing: Unicode.Scalar = keyed ? "}" : "]"
            index += 1
            skipWhitespace()
            if byte(is: closing) {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                var key: String?
                if keyed {
                    guard byte(is: "\"") else { throw fail("Expecting property name enclosed in double quotes") }
                    key = try string()
                    skipWhitespace()
                    guard byte(is: ":") else { throw fail("Expecting ':' delimiter") }
                    index += 1
                    skipWhitespace()
                }
                try read(&self, key)
                skipWhitespace()
                guard index < bytes.count else { throw fail("Expecting ',' delimiter") }
                if byte(is: ",") {
                    index += 1
                    continue
                }
                guard byte(is: closing) else { throw fail("Expecting ',' delimiter") }
                index += 1
                return
            }
        }

        /// Appends a member, or replaces the value of a key seen before (keeping its place).
        private static func insert(
            _ key: String, _ value: JSONValue, into pairs: inout [(String, JSONValue)], positions: inout [String: Int]?
        ) {
            if positions == nil, pairs.count >= linearKeySearchLimit {
                var byKey: [String: Int] = [:]
                for (position, pair) in pairs.enumerated() { byKey[pair.0] = position }
                positions = byKey
            }
            if positions != nil {
                if let existing = positions?[key] {
                    pairs[existing].1 = value
                } else {
                    positions?[key] = pairs.count
                    pairs.append((key, value))
                }
            } else if let existing = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[existing].1 = value
            } else {
                pairs.append((key, value))
            }
        }

        private mutating func array(depth: Int) throws(Failure) -> JSONValue {
            var items: [JSONValue] = []
            try forEachMember(keyed: false) { reader, _ throws(Failure) in
                items.append(try reader.value(depth: depth + 1))
            }
            return .array(items)
        }

        /// The string value of `key` in the document's top-level object (nil when the value is
        /// not a string, or its bytes are not UTF-8); every other value is checked and passed
        /// over without being built.
        mutating func topLevelString(forKey key: String) throws(Failure) -> String? {
            skipWhitespace()
            guard byte(is: "{") else { throw fail("Expecting value") }
            var found: String?
            try forEachMember(keyed: true) { reader, name throws(Failure) in
                guard name == key, reader.byte(is: "\"") else {
                    if name == key { found = nil }
                    try reader.skipValue(depth: 1)
                    return
                }
                let start = reader.index
                let text = try reader.string()
                let raw = UnsafeBufferPointer(rebasing: reader.bytes[start + 1..<reader.index - 1])
                found = String(validating: raw, as: UTF8.self) == nil ? nil : text
            }
            skipWhitespace()
            guard index == bytes.count else { throw fail("Extra data") }
            return found
        }

        /// Checks a value as ``value(depth:)`` does, without building it.
        private mutating func skipValue(depth: Int) throws(Failure) {
            guard depth < JSONParser.maximumDepth else { throw fail(JSONParser.nestingTooDeep) }
            guard index < bytes.count else { throw fail("Expecting value") }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try forEachMember(keyed: bytes[index] == UInt8(ascii: "{")) { reader, _ throws(Failure) in
                    try reader.skipValue(depth: depth + 1)
                }
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "t"): _ = try literal("true", .null)
            case UInt8(ascii: "f"): _ = try literal("false", .null)
            case UInt8(ascii: "n"): _ = try literal("null", .null)
            default: _ = try scanNumber()
            }
        }

        /// Passes over a string literal; one with escapes goes through ``string()``, which checks them.
        private mutating func skipString() throws(Failure) {
            let opening = index
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            }
            index = opening
            _ = try string()
        }

        /// A string literal; `index` is at its opening quote.
        private mutating func string() throws(Failure) -> String {
            index += 1
            let start = index
            // Most strings have no escapes: one pass to find the end, one to decode.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            var decoded = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: decoded, as: UTF8.self)
                }
                if byte < 0x20 { throw fail("Invalid control character at") }
                guard byte == UInt8(ascii: "\\") else {
                    decoded.append(byte)
                    index += 1
                    continue
                }
                index += 1
                guard index < bytes.count else { throw fail("Unterminated string starting at") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): try unicodeEscape(into: &decoded)
                default: throw fail("Invalid \\escape")
                }
            }
            throw fail("Unterminated string starting at")
        }

        /// `\uXXXX` (its `\u` already read), or a surrogate pair of two. A surrogate without its
        /// other half becomes U+FFFD, as a Swift string cannot hold it.
        private mutating func unicodeEscape(into decoded: inout [UInt8]) throws(Failure) {
            let code = try hex4()
            var scalar = Unicode.Scalar(code)
            if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                let next = try hex4()
                if (0xDC00..<0xE000).contains(next) {
                    scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (next - 0xDC00))
                } else {
                    append(Self.replacement, to: &decoded)
                    scalar = Unicode.Scalar(next)
                }
            }
            append(scalar ?? Self.replacement, to: &decoded)
        }

        private static let replacement: Unicode.Scalar = "\u{FFFD}"

        private func append(_ scalar: Unicode.Scalar, to decoded: inout [UInt8]) {
            UTF8.encode(scalar) { decoded.append($0) }
        }

        private mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail("Invalid \\uXXXX escape") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw fail("Invalid \\uXXXX escape")
                }
                value = value * 16 + UInt32(digit)
            }
            index += 4
            return value
        }

        private mutating func number() throws(Failure) -> JSONValue {
            let (start, isInteger) = try scanNumber()
            let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if isInteger, let value = Self.integer(text) { return .int(value) }
            return .double(Double(String(decoding: text, as: UTF8.self)) ?? .nan)
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`; what follows is left for the caller.
        /// Returns where the number starts and whether it is an integer.
        private mutating func scanNumber() throws(Failure) -> (start: Int, isInteger: Bool) {
            let start = index
            if byte(is: "-") { index += 1 }
            guard isDigit(at: index) else {
                index = start
                throw fail("Expecting value")
            }
            if byte(is: "0") {
                index += 1
            } else {
                while isDigit(at: index) { index += 1 }
            }
            var isInteger = true
            if byte(is: "."), isDigit(at: index + 1) {
                isInteger = false
                index += 2
                while isDigit(at: index) { index += 1 }
            }
            if byte(is: "e") || byte(is: "E") {
                var next = index + 1
                if next < bytes.count, bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-") {
                    next += 1
                }
                if isDigit(at: next) {
                    isInteger = false
                    index = next
                    while isDigit(at: index) { index += 1 }
                }
            }
            return (start, isInteger)
        }

        /// The integer the digits spell, or nil when it does not fit in `Int` (then it is read
        /// as a `Double`, as JSON readers without big integers do).
        private static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
            let negative = text.first == UInt8(ascii: "-")
            // Accumulated below zero: `Int.min` has no positive counterpart.
            var value = 0
            for byte in text.dropFirst(negative ? 1 : 0) {
                let (shifted, overflowMultiplying) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowSubtracting) = shifted.subtractingReportingOverflow(Int(byte &- 0x30))
                guard !overflowMultiplying, !overflowSubtracting else { return nil }
                value = next
            }
            if negative { return value }
            return value == Int.min ? nil : -value
        }
    }
}

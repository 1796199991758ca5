/// Reads the `type` of a webhook's JSON payload: the string value of the top-level key `type`
/// (the last one, when a stranger repeats it, as Python's `json` reads it), or nil when the body
/// is not a JSON object, is not valid JSON, or has no string `type`.
///
/// It walks the whole body once without building anything but that one string: the listener
/// reads every webhook's type, and a parser that builds every value of the payload costs more
/// than the rest of the webhook's handling. Every loop is bounded by the body's length and
/// nesting by ``maxDepth``.
struct EventTypeReader {
    /// Deeper nesting is refused, as Foundation's parser refuses it.
    static let maxDepth = 512

    private let bytes: [UInt8]
    private var index = 0

    static func type(of body: [UInt8]) -> String? {
        var reader = EventTypeReader(bytes: body)
        return try? reader.readDocument()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Invalid: Error {}

    private mutating func readDocument() throws(Invalid) -> String? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw Invalid() }
        index += 1
        var type: String?
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let key = try readString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                if key == Array("type".utf8) {
                    if peek() == UInt8(ascii: "\"") {
                        type = String(validating: try readString(), as: UTF8.self)
                    } else {
                        type = nil
                        try skipValue(depth: 1)
                    }
                } else {
                    try skipValue(depth: 1)
                }
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                break
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw Invalid() }
        return type
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ byte: UInt8) throws(Invalid) {
        guard peek() == byte else { throw Invalid() }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func skipValue(depth: Int) throws(Invalid) {
        guard depth <= Self.maxDepth, let byte = peek() else { throw Invalid() }
        switch byte {
        case UInt8(ascii: "{"): try skipContainer(closing: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["): try skipContainer(closing: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        default: try skipNumber()
        }
    }

    private mutating func skipContainer(closing: UInt8, keyed: Bool, depth: Int) throws(Invalid) {
        index += 1
        skipWhitespace()
        if peek() == closing {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            if keyed {
                try skipString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
            }
            try skipValue(depth: depth + 1)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(closing)
            return
        }
    }

    private mutating func skipLiteral(_ word: StaticString) throws(Invalid) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Invalid() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Invalid() }
        index += count
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() throws(Invalid) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw Invalid() }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw Invalid() }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw Invalid() }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private mutating func skipString() throws(Invalid) {
        try expect(UInt8(ascii: "\""))
        while let byte = peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"): _ = try readEscape()
            case ..<0x20: throw Invalid()
            default: break
            }
        }
        throw Invalid()
    }

    /// A string's UTF-8 bytes with its escapes decoded.
    private mutating func readString() throws(Invalid) -> [UInt8] {
        try expect(UInt8(ascii: "\""))
        var text: [UInt8] = []
        while let byte = peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return text
            case UInt8(ascii: "\\"): text += try readEscape()
            case ..<0x20: throw Invalid()
            default: text.append(byte)
            }
        }
        throw Invalid()
    }

    /// The UTF-8 bytes of the escape after a backslash.
    private mutating func readEscape() throws(Invalid) -> [UInt8] {
        guard let byte = peek() else { throw Invalid() }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [byte]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by its low one.
                try expect(UInt8(ascii: "\\"))
                try expect(UInt8(ascii: "u"))
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw Invalid() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw Invalid()
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw Invalid() }
            return Array(String(Character(unicode)).utf8)
        default:
            throw Invalid()
        }
    }

    private mutating func readHex4() throws(Invalid) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Invalid() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Invalid()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}

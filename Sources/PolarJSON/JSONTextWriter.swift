/// How JSON text is laid out by the one writer.
public enum JSONStyle: Sendable {
    /// No spaces; non-ASCII written as is; only `"`, `\` and control characters escaped. What
    /// Polar's API (Starlette's `JSONResponse`) answers with, and what the program writes.
    case compact
    /// Python's `json.dumps` with its defaults: `", "` and `": "` separators and every character
    /// outside printable ASCII escaped (`\u00e9`, surrogate pairs above U+FFFF). Polar writes a
    /// few answers and its Discord and Slack messages this way.
    case python
}

/// The one place JSON text is made, byte by byte: ``JSONValue`` and ``OrderedJSONEncoder``
/// both write through it, so every JSON the program writes is spelled the same way.
enum JSONTextWriter {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeNull(into out: inout [UInt8]) {
        out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
    }

    static func writeBool(_ value: Bool, into out: inout [UInt8]) {
        if value {
            out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
        } else {
            out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
        }
    }

    /// Decimal digits, without going through a `String`.
    static func writeInteger<Integer: BinaryInteger>(_ value: Integer, into out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, the most a 64-bit value has
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude != 0 {
                let digit = UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                buffer[23 - count] = UInt8(ascii: "0") + digit
                count += 1
            }
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// A finite number the way Python's `repr` writes a float (`1.0`, `0.25`, `1e+20`); a
    /// non-finite one, which JSON cannot hold, as `null`.
    static func writeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Number, into out: inout [UInt8]
    ) {
        guard value.isFinite else {
            writeNull(into: &out)
            return
        }
        if value == value.rounded(), abs(value) < 1e15, let integer = Int64(exactly: value) {
            writeInteger(integer, into: &out)
            out.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }

    /// A string literal, quotes included.
    static func writeString(_ text: String, style: JSONStyle = .compact, into out: inout [UInt8]) {
        out.append(quote)
        if style == .python {
            writeASCIIEscaped(text, into: &out)
        } else {
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    guard byte < 0x20 || byte == quote || byte == backslash else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    writeEscape(forASCII: UInt16(byte), into: &out)
                    start = index + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            }
        }
        out.append(quote)
    }

    private static func writeASCIIEscaped(_ text: String, into out: inout [UInt8]) {
        for unit in text.utf16 {
            if unit >= 0x20, unit < 0x7F, unit != UInt16(quote), unit != UInt16(backslash) {
                out.append(UInt8(unit))
            } else {
                writeEscape(forASCII: unit, into: &out)
            }
        }
    }

    /// `\"`, `\\`, the short forms of the common controls, otherwise `\u` and four hex digits.
    private static func writeEscape(forASCII unit: UInt16, into out: inout [UInt8]) {
        out.append(backslash)
        switch unit {
        case UInt16(quote), UInt16(backslash): out.append(UInt8(unit))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                out.append(hexDigits[Int((unit >> UInt16(shift)) & 0x0F)])
            }
        }
    }

    /// What goes between an object's key and its value.
    static func writeColon(style: JSONStyle, into out: inout [UInt8]) {
        out.append(UInt8(ascii: ":"))
        if style == .python { out.append(UInt8(ascii: " ")) }
    }

    /// What goes between two members or items.
    static func writeComma(style: JSONStyle, into out: inout [UInt8]) {
        out.append(UInt8(ascii: ","))
        if style == .python { out.append(UInt8(ascii: " ")) }
    }
}

import Foundation

/// Indents JSON text for reading, keeping the keys in the order the server wrote them
/// (Foundation's pretty printer sorts or shuffles them, and a payload reads best as sent).
enum JSONReindenter {
    /// `text` indented by two spaces per level, or nil when it is not a JSON object or array.
    static func indent(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first(where: { !isWhitespace($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        else { return nil }
        // Only valid JSON is reindented; the scan below trusts the structure.
        guard (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil else { return nil }
        return String(decoding: reindent(bytes), as: UTF8.self)
    }

    private static func reindent(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0

        func newline() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                // An empty object or array stays on one line.
                var next = index
                while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == closing(of: byte) {
                    output.append(bytes[next])
                    index = next + 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            default:
                if !isWhitespace(byte) { output.append(byte) }
            }
        }
        return output
    }

    private static func closing(of opening: UInt8) -> UInt8 {
        opening == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

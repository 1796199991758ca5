/// The one pretty printer: re-indents JSON text token by token, two spaces a level and
/// `"key": value`, keeping the keys in their order and every token exactly as written (a
/// payload reads best as it was sent; `1.50` stays `1.50`, `\u00e9` stays escaped). Empty
/// objects and arrays stay on one line. The command line's `--json` and the dashboard's
/// delivery detail both print through it.
public enum JSONPrettyPrinter {
    /// `text` indented, or nil when it is not a JSON object or array.
    public static func indent(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        // Only valid JSON is re-indented: the scan below trusts the structure.
        switch try? JSONParser.parse(bytes) {
        case .object?, .array?: break
        default: return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        reindent(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `json`, which must be valid JSON (the encoder's own output; text from elsewhere
    /// goes through ``indent(_:)``), re-indented. `level` is how deep the value itself sits:
    /// its inner lines are indented by `2 × (level + depth)` spaces, its first line not at all.
    public static func reindent(_ json: [UInt8], level: Int = 0, into out: inout [UInt8]) {
        json.withUnsafeBufferPointer { bytes in
            var depth = level
            var index = 0
            func newline() {
                out.append(UInt8(ascii: "\n"))
                var remaining = depth * 2
                while remaining > 0 {
                    let run = min(remaining, Self.spaces.count)
                    out.append(contentsOf: Self.spaces[..<run])
                    remaining -= run
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    let start = index - 1
                    index = endOfString(in: bytes, after: index)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    out.append(byte)
                    var next = index
                    while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
                    if next < bytes.count, bytes[next] == closing(of: byte) {
                        out.append(bytes[next])
                        index = next + 1
                    } else {
                        depth += 1
                        newline()
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth = max(level, depth - 1)
                    newline()
                    out.append(byte)
                case UInt8(ascii: ","):
                    out.append(byte)
                    newline()
                case UInt8(ascii: ":"):
                    out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                default:
                    if !isWhitespace(byte) { out.append(byte) }
                }
            }
        }
    }

    /// Indentation, copied a run at a time rather than a space at a time.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// The index just past the closing quote of the string whose content starts at `start`.
    private static func endOfString(in bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return bytes.count
    }

    private static func closing(of opening: UInt8) -> UInt8 {
        opening == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

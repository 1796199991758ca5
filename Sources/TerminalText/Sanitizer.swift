/// Makes text from the network safe to draw: control characters (C0, C1, DEL, ESC and so
/// the start of any escape sequence) cannot reach the terminal.
public enum Sanitizer {
    /// `text` with every control character replaced: tabs become a space, line breaks a
    /// visible `↵` unless `keepNewlines`, others U+FFFD.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isControl(scalar) {
                output.append(scalar)
            } else if scalar == "\t" {
                output.append(" ")
            } else if scalar == "\n" {
                output.append(keepNewlines ? "\n" : "↵")
            } else if scalar == "\r" {
                if !keepNewlines { output.append("↵") }
            } else {
                output.append("\u{FFFD}")
            }
        }
        return String(output)
    }

    /// JSON text made safe for a terminal without changing what it means: a control character
    /// (DEL, a C1 control, a bidi override) can only stand inside a JSON string, so it is
    /// written as its `\\uXXXX` escape, which a JSON reader turns back into the same character.
    /// Line breaks and tabs (JSON whitespace) are kept.
    public static func terminalSafeJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isControl($0) && !isJSONWhitespace($0) }) else { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard isControl(scalar), !isJSONWhitespace(scalar) else {
                output.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(output)
    }

    /// ``terminalSafeJSON(_:)`` for UTF-8 bytes; returns them unchanged (no copy of the work)
    /// when no byte can start a control character.
    public static func terminalSafeJSON(bytes: [UInt8]) -> [UInt8] {
        // C0 controls, DEL, and the lead bytes of C1 controls (0xC2) and bidi overrides (0xE2).
        let suspicious = bytes.contains { byte in
            (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D) || byte == 0x7F || byte == 0xC2
                || byte == 0xE2
        }
        guard suspicious else { return bytes }
        return Array(terminalSafeJSON(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    private static func isJSONWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t" || scalar == "\r"
    }

    /// True for C0 controls, DEL, C1 controls, and the bidi overrides that can disguise text.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }
}

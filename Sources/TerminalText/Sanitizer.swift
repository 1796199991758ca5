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

    /// True for C0 controls, DEL, C1 controls, and the bidi overrides that can disguise text.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }
}

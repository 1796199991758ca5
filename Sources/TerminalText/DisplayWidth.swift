/// How many terminal columns text takes: 0 for combining marks, 2 for East Asian wide and
/// emoji-presentation characters, 1 otherwise.
///
/// This is the `wcwidth` rule (Markus Kuhn's tables) computed here rather than by the C
/// library, so that a measure does not depend on the process locale and tests measure
/// exactly what a UTF-8 terminal shows.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        // An emoji presentation selector makes a text-style symbol wide.
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        var width = 0
        for scalar in scalars {
            width = max(width, of(scalar))
        }
        return width
    }

    /// Columns taken by a string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns taken by one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || v == 0x2329 || v == 0x232A
            || ((0x2E80...0xA4CF).contains(v) && v != 0x303F)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE10...0xFE19).contains(v) || (0xFE30...0xFE6F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x2FFFD).contains(v) || (0x30000...0x3FFFD).contains(v)
    }

    /// The longest prefix of `text` that fits in `columns`, ending in `…` when it was cut.
    /// Never splits a wide character: a cut that would leave half of one pads with a space.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var result = ""
        var used = 0
        let budget = columns - 1  // room for the ellipsis
        for character in text {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

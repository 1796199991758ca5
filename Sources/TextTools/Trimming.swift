/// Trimming, as Foundation's `trimmingCharacters(in:)` does it: by Unicode scalar, from both ends.
///
/// Written here so that modules need only `FoundationEssentials`: one call to the Foundation
/// version links all of Foundation and ICU (about 40 MB) into the binary.
extension StringProtocol {
    /// Without leading and trailing whitespace: tab and the space separators, the scalars of
    /// Foundation's `CharacterSet.whitespaces`.
    public func trimmingWhitespace() -> String { trimming(where: Whitespace.isSpace) }

    /// Without leading and trailing whitespace and line breaks (`CharacterSet.whitespacesAndNewlines`).
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming { Whitespace.isSpace($0) || Whitespace.isNewline($0) }
    }

    /// Without the leading and trailing scalars for which `isTrimmed` is true.
    public func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Without the leading and trailing scalars that `scalars` holds.
    public func trimming(_ scalars: Set<Unicode.Scalar>) -> String { trimming(where: scalars.contains) }
}

/// The whitespace of Foundation's character sets, scalar by scalar.
public enum Whitespace {
    /// Tab and Unicode's space separators (Zs), with U+200B ZERO WIDTH SPACE as Foundation counts it.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Line feed, vertical tab, form feed, carriage return, NEL, and the line and paragraph separators.
    public static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

import FoundationEssentials

/// The IDNA 2008 check Polar's server makes on a webhook host (`idna.encode`, CONTRACT.md §2.3,
/// rule 3), on the host as the URL parser left it (lower-case, punycoded).
///
/// Code point classes are derived from the Unicode properties as RFC 5892 derives them, rather
/// than from a copied table; the CONTEXTJ rule is only the virama one and the Bidi rule of
/// RFC 5893 is not checked (Swift exposes no bidi classes), so a few right-to-left or
/// zero-width-joiner names the server refuses pass here.
package enum IDNA2008 {
    /// Whether `host` (ASCII, labels separated by `.`) is a name `idna.encode` accepts.
    package static func isValid(host: String) -> Bool {
        let trailingDot = host.hasSuffix(".")
        guard host.utf8.count <= 253 + (trailingDot ? 1 : 0) else { return false }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if trailingDot { labels.removeLast() }
        guard !labels.isEmpty else { return false }
        return labels.allSatisfy { isValid(aLabel: String($0)) }
    }

    /// One ASCII label: an ordinary LDH label, or `xn--` and the canonical Punycode of a valid
    /// U-label.
    private static func isValid(aLabel: String) -> Bool {
        guard !aLabel.isEmpty, aLabel.utf8.count <= 63 else { return false }
        let label = aLabel.lowercased()
        guard label.hasPrefix("xn--") else { return isValid(uLabel: Array(label.unicodeScalars)) }
        let body = String(label.dropFirst(4))
        guard !body.isEmpty, !body.hasSuffix("-"), let decoded = Punycode.decode(body) else { return false }
        var text = ""
        text.unicodeScalars.append(contentsOf: decoded)
        guard Punycode.encodeLabel(text) == label else { return false }
        return isValid(uLabel: decoded)
    }

    /// RFC 5891 §4.2: NFC, the hyphen rules, no leading combining mark, and every code point
    /// PVALID or allowed by its context.
    private static func isValid(uLabel scalars: [Unicode.Scalar]) -> Bool {
        guard !scalars.isEmpty else { return false }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        guard Array(UnicodeNormalization.nfc(text).unicodeScalars) == scalars else { return false }
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { return false }
        if scalars.first == "-" || scalars.last == "-" { return false }
        if isMark(scalars[0]) { return false }
        for index in scalars.indices {
            switch codePointClass(scalars[index]) {
            case .pvalid: continue
            case .contextJ: guard isValidJoiner(at: index, in: scalars) else { return false }
            case .contextO: guard isValidContextO(at: index, in: scalars) else { return false }
            case .disallowed: return false
            }
        }
        return true
    }

    private enum CodePointClass { case pvalid, contextJ, contextO, disallowed }

    /// RFC 5892 §3, in its order of precedence.
    private static func codePointClass(_ scalar: Unicode.Scalar) -> CodePointClass {
        let value = scalar.value
        // Exceptions (F).
        switch value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return .pvalid
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9: return .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return .disallowed
        default: break
        }
        let properties = scalar.properties
        if properties.generalCategory == .unassigned { return .disallowed }
        // LDH (K).
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" ? .pvalid : .disallowed
        }
        // JoinControl (H).
        if value == 0x200C || value == 0x200D { return .contextJ }
        // Unstable (B), IgnorableProperties (C), IgnorableBlocks (D), OldHangulJamo (I).
        if properties.changesWhenNFKCCaseFolded || properties.isDefaultIgnorableCodePoint
            || properties.isWhitespace || properties.isNoncharacterCodePoint
        {
            return .disallowed
        }
        switch value {
        case 0x20D0...0x20FF, 0x1D100...0x1D24F: return .disallowed
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF: return .disallowed
        default: break
        }
        // LetterDigits (A).
        switch properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter, .nonspacingMark,
            .spacingMark:
            return .pvalid
        default:
            return .disallowed
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// RFC 5892 Appendix A.1/A.2, the virama rule only: a joiner right after a virama.
    private static func isValidJoiner(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index > 0 && scalars[index - 1].properties.canonicalCombiningClass.rawValue == 9
    }

    /// RFC 5892 Appendix A.3–A.9.
    private static func isValidContextO(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let value = scalars[index].value
        switch value {
        case 0x00B7:
            return index > 0 && index + 1 < scalars.count && scalars[index - 1] == "l" && scalars[index + 1] == "l"
        case 0x0375:
            return index + 1 < scalars.count && isGreek(scalars[index + 1])
        case 0x05F3, 0x05F4:
            return index > 0 && isHebrew(scalars[index - 1])
        case 0x30FB:
            return scalars.contains { $0.value != 0x30FB && isHiraganaKatakanaOrHan($0) }
        case 0x0660...0x0669:
            return !scalars.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:
            return !scalars.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return false
        }
    }

    // Scripts by block: Swift exposes no Script property.
    private static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        (0x0370...0x03FF).contains(scalar.value) || (0x1F00...0x1FFF).contains(scalar.value)
    }

    private static func isHebrew(_ scalar: Unicode.Scalar) -> Bool {
        (0x0590...0x05FF).contains(scalar.value) || (0xFB1D...0xFB4F).contains(scalar.value)
    }

    private static func isHiraganaKatakanaOrHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x3134F:
            true
        default: false
        }
    }
}

/// RFC 5893's Bidi rule, which the URL parser's IDNA step applies to every label of a name that
/// has right-to-left text in it (`٠١٢.eg` is refused: a label may not start with an Arabic
/// digit). Swift exposes no Bidi_Class, so the classes are read from the blocks that hold them;
/// rare scripts may be judged wrongly.
enum BidiRule {
    enum BidiClass { case l, r, al, an, en, es, cs, et, on, bn, nsm }

    /// Whether the name needs the rule at all: some label holds R, AL or AN text.
    static func isBidiDomain(_ labels: [[Unicode.Scalar]]) -> Bool {
        labels.contains { $0.contains { [.r, .al, .an].contains(bidiClass($0)) } }
    }

    static func isSatisfied(by label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first else { return true }
        let classes = label.map(bidiClass)
        let significant = classes.reversed().drop { $0 == .nsm }
        guard let last = significant.first else { return false }
        switch bidiClass(first) {
        case .r, .al:
            let allowed: Set<BidiClass> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
            return classes.allSatisfy(allowed.contains) && [.r, .al, .en, .an].contains(last)
                && !(classes.contains(.en) && classes.contains(.an))
        case .l:
            let allowed: Set<BidiClass> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
            return classes.allSatisfy(allowed.contains) && [.l, .en].contains(last)
        default:
            return false
        }
    }

    static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return .nsm
        default: break
        }
        switch value {
        case 0x30...0x39, 0x06F0...0x06F9, 0xB2, 0xB3, 0xB9: return .en
        case 0x0600...0x0605, 0x0660...0x0669, 0x066B, 0x066C, 0x06DD, 0x0890, 0x0891, 0x08E2, 0x10E60...0x10E7E:
            return .an
        case 0x2B, 0x2D: return .es
        case 0x2C, 0x2E, 0x2F, 0x3A, 0xA0: return .cs
        case 0x23...0x25, 0xA2...0xA5, 0xB0, 0xB1: return .et
        case 0x200B...0x200D, 0xAD: return .bn
        case 0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F, 0x10800...0x10CFF, 0x10D40...0x10EBF,
            0x1E800...0x1EDFF:
            return .r
        case 0x0600...0x07BF, 0x0860...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x10D00...0x10D3F,
            0x1EE00...0x1EEFF:
            return .al
        default: break
        }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter, .spacingMark,
            .decimalNumber, .letterNumber:
            return .l
        default:
            return .on
        }
    }
}

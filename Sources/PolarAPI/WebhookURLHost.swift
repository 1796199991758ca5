import FoundationEssentials
import TextTools

/// A URL host read the way pydantic's URL parser reads it (WHATWG rules with UTS 46 mapping):
/// IPv4 shorthand such as `127.1` is an address, IPv6 is compressed, names are mapped to lower
/// case and punycoded. It also says whether Polar's server refuses the host (CONTRACT.md §2.3,
/// rules 3 and 4).
package struct WebhookURLHost: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        case name
        case ipv4([UInt8])
        case ipv6([UInt16])
    }

    /// The host as it appears in the stored URL (`[::ffff:808:808]`, `127.0.0.1`, `xn--…`).
    package var serialized: String
    package var kind: Kind

    /// Whether `idna.encode` (IDNA 2008) accepts the name; IP literals always pass.
    package var isValidIDNA: Bool {
        kind == .name ? IDNA2008.isValid(host: serialized) : true
    }

    /// Polar's list (`localhost`, `127.0.0.1`, `0.0.0.0`, `[::1]`, exactly) and every IP literal
    /// Python's `ipaddress` calls not global. `localhost.` and private-sounding names pass.
    package var isLocalOrPrivate: Bool {
        switch kind {
        case .name: serialized == "localhost"
        case .ipv4(let bytes): !IPAddressRules.isGlobal(ipv4: bytes)
        case .ipv6(let pieces): !IPAddressRules.isGlobal(ipv6: pieces)
        }
    }

    /// Why a host is not a host at all, in pydantic's words ("invalid IPv4 address").
    package struct ParseError: Error, Equatable {
        package let text: String

        static let ipv6 = ParseError(text: "invalid IPv6 address")
        static let ipv4 = ParseError(text: "invalid IPv4 address")
        static let domain = ParseError(text: "invalid international domain name")
    }

    /// Parses the host part of an authority (brackets kept for IPv6, no port, no user info).
    package static func parse(_ raw: String) -> Result<WebhookURLHost, ParseError> {
        if raw.hasPrefix("[") {
            guard raw.hasSuffix("]"), raw.count >= 2,
                let pieces = IPAddressRules.parseIPv6(String(raw.dropFirst().dropLast()))
            else { return .failure(.ipv6) }
            return .success(
                WebhookURLHost(serialized: "[" + IPAddressRules.formatIPv6(pieces) + "]", kind: .ipv6(pieces)))
        }
        let decoded = String(decoding: percentDecoded(raw), as: UTF8.self)
        guard let ascii = DomainToASCII.convert(decoded) else { return .failure(.domain) }
        if let ipv4 = IPAddressRules.parseIPv4(ascii) {
            switch ipv4 {
            case .failure: return .failure(.ipv4)
            case .success(let bytes):
                return .success(WebhookURLHost(serialized: IPAddressRules.formatIPv4(bytes), kind: .ipv4(bytes)))
            }
        }
        return .success(WebhookURLHost(serialized: ascii, kind: .name))
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = Character(Unicode.Scalar(bytes[index + 1])).hexDigitValue,
                let low = Character(Unicode.Scalar(bytes[index + 2])).hexDigitValue
            {
                out.append(UInt8(high * 16 + low))
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

/// "domain to ASCII" as the URL parser's IDNA step does it (UTS 46, non-transitional, hyphens
/// not checked, no length limits): map to lower case and NFKC, punycode non-ASCII labels, check
/// `xn--` labels decode to a mapped name, and refuse the forbidden domain code points.
enum DomainToASCII {
    /// The ASCII host, or nil for "invalid international domain name".
    static func convert(_ domain: String) -> String? {
        var mapped = map(domain)
        // Full stops other than U+002E that UTS 46 maps to it.
        for stop in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] {
            mapped = mapped.replacing(stop, with: ".")
        }
        var labels: [String] = []
        var unicodeLabels: [[Unicode.Scalar]] = []
        for label in mapped.split(separator: ".", omittingEmptySubsequences: false) {
            let text = String(label)
            var scalars = Array(text.unicodeScalars)
            if scalars.allSatisfy(\.isASCII) {
                if text.hasPrefix("xn--") {
                    guard let decoded = mappedPunycode(String(text.dropFirst(4))) else { return nil }
                    scalars = decoded
                }
                labels.append(text)
            } else {
                guard let encoded = Punycode.encodeLabel(text) else { return nil }
                labels.append(encoded)
            }
            guard isValid(scalars) else { return nil }
            unicodeLabels.append(scalars)
        }
        if BidiRule.isBidiDomain(unicodeLabels), !unicodeLabels.allSatisfy(BidiRule.isSatisfied) { return nil }
        let ascii = labels.joined(separator: ".")
        guard !ascii.unicodeScalars.contains(where: isForbidden) else { return nil }
        return ascii
    }

    /// Lower case and compatibility forms, without the characters UTS 46 ignores (soft hyphen,
    /// zero-width space, variation selectors, …).
    private static func map(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { !isIgnored($0) })
        return UnicodeNormalization.nfkc(UnicodeNormalization.nfkc(String(kept)).lowercased())
    }

    private static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0x34F, 0x180B...0x180F, 0x200B, 0x2060, 0x2064, 0xFE00...0xFE0F, 0xFEFF, 0x1BCA0...0x1BCA3,
            0xE0100...0xE01EF:
            true
        default: false
        }
    }

    /// No disallowed code point, and a joiner only right after a virama (CheckJoiners).
    private static func isValid(_ scalars: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in scalars.enumerated() {
            if isDisallowed(scalar) { return false }
            if scalar.value == 0x200C || scalar.value == 0x200D {
                guard index > 0, scalars[index - 1].properties.canonicalCombiningClass.rawValue == 9 else {
                    return false
                }
            }
        }
        return true
    }

    /// What an `xn--` label decodes to, when that is non-ASCII text mapping leaves unchanged.
    private static func mappedPunycode(_ body: String) -> [Unicode.Scalar]? {
        guard !body.isEmpty, let scalars = Punycode.decode(body), !scalars.allSatisfy(\.isASCII) else {
            return nil
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return map(text) == text ? scalars : nil
    }

    /// UTS 46 "disallowed", roughly: controls, formats other than the joiners, separators,
    /// private use, surrogates, unassigned and noncharacters, and the replacement character
    /// (which stands for bytes that were not UTF-8).
    private static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        if scalar.value == 0x200C || scalar.value == 0x200D { return false }
        if scalar.value == 0xFFFD || scalar.properties.isNoncharacterCodePoint { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// The WHATWG forbidden domain code points.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || "#%/:<>?@[\\]^|".unicodeScalars.contains(scalar)
    }
}

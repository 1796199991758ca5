import Foundation

/// A URL host read the way pydantic's URL parser reads it (WHATWG rules): IPv4 shorthand such
/// as `127.1` is an address, IPv6 is compressed, names are lower-cased and punycoded. It also
/// says whether Polar's server would refuse the host (CONTRACT.md §2.3, rules 3 and 4).
package struct WebhookURLHost: Equatable, Sendable {
    /// The normalised host as it appears in the stored URL (`[::1]`, `127.0.0.1`, `xn--…`).
    package var serialized: String
    /// False when the name cannot be IDNA-encoded (empty labels, bad characters, long labels).
    package var isValidIDNA: Bool
    /// True for `localhost` and for IP literals that are not globally routable.
    package var isLocalOrPrivate: Bool

    /// Why a host is not a host at all, in the words pydantic uses ("invalid IPv4 address").
    package struct ParseError: Error, Equatable {
        package let text: String
    }

    private static let forbiddenHostCharacters = Set(" #%/:<>?@[\\]^|")

    /// Parses the host part of an authority (brackets kept for IPv6, no port, no user info).
    package static func parse(_ raw: String) -> Result<WebhookURLHost, ParseError> {
        if raw.hasPrefix("[") {
            guard raw.hasSuffix("]"),
                let bytes = IPAddressRules.parseIPv6(String(raw.dropFirst().dropLast()))
            else {
                return .failure(ParseError(text: "invalid IPv6 address"))
            }
            return .success(
                WebhookURLHost(
                    serialized: "[" + IPAddressRules.formatIPv6(bytes) + "]", isValidIDNA: true,
                    isLocalOrPrivate: !IPAddressRules.isGlobal(ipv6: bytes)))
        }
        let decoded = raw.removingPercentEncoding ?? raw
        if decoded.contains(where: {
            forbiddenHostCharacters.contains($0) || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
        }) {
            return .failure(ParseError(text: "invalid domain character"))
        }
        let lowered = decoded.lowercased()
        var labels = lowered.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let trailingDot = labels.count > 1 && labels.last == ""
        if trailingDot { labels.removeLast() }
        var validIDNA = true
        var asciiLabels: [String] = []
        for label in labels {
            if label.isEmpty {
                validIDNA = false
                asciiLabels.append(label)
                continue
            }
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                let ldh = label.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") }
                if !ldh || label.hasPrefix("-") || label.hasSuffix("-") || label.count > 63 {
                    validIDNA = false
                }
                asciiLabels.append(label)
            } else {
                let allowed = label.unicodeScalars.allSatisfy {
                    $0.isASCII
                        ? (CharacterSet.alphanumerics.contains($0) || $0 == "-")
                        : (CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0)
                            || CharacterSet.nonBaseCharacters.contains($0))
                }
                guard allowed, let encoded = Punycode.encodeLabel(label) else {
                    validIDNA = false
                    asciiLabels.append(label)
                    continue
                }
                if encoded.count > 63 { validIDNA = false }
                asciiLabels.append(encoded)
            }
        }
        let asciiHost = asciiLabels.joined(separator: ".") + (trailingDot ? "." : "")
        if let ipv4 = IPAddressRules.parseIPv4(asciiHost) {
            switch ipv4 {
            case .failure: return .failure(ParseError(text: "invalid IPv4 address"))
            case .success(let bytes):
                return .success(
                    WebhookURLHost(
                        serialized: IPAddressRules.formatIPv4(bytes), isValidIDNA: true,
                        isLocalOrPrivate: !IPAddressRules.isGlobal(ipv4: bytes)))
            }
        }
        let isLocalhost = asciiHost == "localhost" || asciiHost == "localhost."
        return .success(
            WebhookURLHost(serialized: asciiHost, isValidIDNA: validIDNA, isLocalOrPrivate: isLocalhost))
    }
}

import Foundation

/// The checks Polar's server makes on a webhook URL, done while the user types so the
/// form can say what is wrong before anything is sent (CONTRACT §2.1, URL rules).
public enum URLCheck {
    public static let maximumLength = 2083

    /// What is wrong with `text` as a webhook URL, in words; nil when the server will take it.
    public static func problem(with text: String) -> String? {
        let url = text.trimmingCharacters(in: .whitespaces)
        if url.isEmpty { return "Required: where Polar posts events" }
        if url.count > maximumLength { return "Too long: over \(maximumLength) characters" }
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") else {
            if lowered.hasPrefix("http://") { return "Use https://, not http://" }
            return "Must start with https://"
        }
        let host = hostPart(of: String(url.dropFirst("https://".count)))
        if host.isEmpty { return "Needs a host after https://" }
        if host.contains(where: {
            $0 == " " || $0 == "\\" || $0.unicodeScalars.contains(where: { $0.value < 0x20 })
        }) {
            return "Host has invalid characters"
        }
        if isLocalOrPrivate(host.lowercased()) { return "No localhost or private IPs" }
        return nil
    }

    /// The host of the part after `https://`: up to the path, without user info or port.
    static func hostPart(of rest: String) -> String {
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        if authority.hasPrefix("[") {
            if let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
            return String(authority)
        }
        if let colon = authority.firstIndex(of: ":") { return String(authority[..<colon]) }
        return String(authority)
    }

    static func isLocalOrPrivate(_ host: String) -> Bool {
        if ["localhost", "127.0.0.1", "0.0.0.0", "[::1]"].contains(host) { return true }
        if host.hasPrefix("[") { return isPrivateIPv6(String(host.dropFirst().dropLast())) }
        if let octets = ipv4Octets(host) { return isPrivateIPv4(octets) }
        return false
    }

    static func ipv4Octets(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part -> Int? in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = Int(part),
                value <= 255
            else {
                return nil
            }
            return value
        }
        return octets.count == 4 ? octets : nil
    }

    // Not globally routable (Python's ipaddress.is_global is false): loopback, private,
    // link-local, shared, documentation, benchmarking, multicast and reserved ranges.
    static func isPrivateIPv4(_ o: [Int]) -> Bool {
        switch (o[0], o[1], o[2]) {
        case (0, _, _), (10, _, _), (127, _, _): true
        case (100, 64...127, _): true
        case (169, 254, _): true
        case (172, 16...31, _): true
        case (192, 0, 0), (192, 0, 2), (192, 168, _): true
        case (198, 18...19, _), (198, 51, 100), (203, 0, 113): true
        default: o[0] >= 224
        }
    }

    static func isPrivateIPv6(_ address: String) -> Bool {
        let lowered = address.lowercased()
        if lowered == "::" || lowered == "::1" { return true }
        if lowered.hasPrefix("::ffff:"), let octets = ipv4Octets(String(lowered.dropFirst(7))) {
            return isPrivateIPv4(octets)
        }
        return lowered.hasPrefix("fc") || lowered.hasPrefix("fd") || lowered.hasPrefix("fe8")
            || lowered.hasPrefix("fe9") || lowered.hasPrefix("fea") || lowered.hasPrefix("feb")
            || lowered.hasPrefix("ff") || lowered.hasPrefix("2001:db8")
    }
}

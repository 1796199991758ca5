import Foundation

/// The server's rules for an endpoint URL, checked before any request so that a bad URL
/// costs no round trip: https only, a host, at most 2083 characters, and not localhost or
/// an IP address that is not globally routable.
enum WebhookURLValidator {
    static let maximumLength = 2083

    /// The URL with surrounding whitespace removed (as the server strips it), or a refusal.
    static func validate(_ text: String) throws(CLIError) -> String {
        let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty else {
            throw .usage("the URL is empty; give an https URL such as https://example.com/webhooks")
        }
        guard url.count <= maximumLength else {
            throw .usage(
                "the URL is \(url.count) characters long; Polar accepts at most \(maximumLength)")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme else {
            throw .usage("'\(url)' is not an absolute URL; give one like https://example.com/webhooks")
        }
        guard scheme.lowercased() == "https" else {
            throw .usage(
                "the URL must start with https:// (Polar only delivers over HTTPS), not \(scheme)://")
        }
        guard var host = components.host, !host.isEmpty else {
            throw .usage("the URL '\(url)' has no host name")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        host = host.lowercased()
        if host.hasSuffix("."), host.count > 1 { host.removeLast() }
        if host == "localhost" || host.hasSuffix(".localhost") || !isGloballyRoutable(host: host) {
            throw .usage(
                "webhook URLs cannot point to localhost or private IP addresses ('\(host)' is not public)")
        }
        return url
    }

    /// False for an IP literal that is loopback, private, link-local, reserved or for
    /// documentation; true for a public IP literal and for every host name.
    static func isGloballyRoutable(host: String) -> Bool {
        if let ipv4 = IPv4Parser.parse(host) { return isGlobal(ipv4: ipv4) }
        var ipv6 = in6_addr()
        if host.contains(":"), inet_pton(AF_INET6, host, &ipv6) == 1 {
            let bytes = withUnsafeBytes(of: ipv6) { Array($0) }
            return isGlobal(ipv6: bytes)
        }
        return true
    }

    static func isGlobal(ipv4 address: UInt32) -> Bool {
        let blocked: [(UInt32, Int)] = [
            (0x0000_0000, 8), (0x0A00_0000, 8), (0x6440_0000, 10), (0x7F00_0000, 8), (0xA9FE_0000, 16),
            (0xAC10_0000, 12), (0xC000_0000, 24), (0xC000_0200, 24), (0xC0A8_0000, 16), (0xC612_0000, 15),
            (0xC633_6400, 24), (0xCB00_7100, 24), (0xF000_0000, 4), (0xFFFF_FFFF, 32),
        ]
        return !blocked.contains { network, length in
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
            return address & mask == network
        }
    }

    static func isGlobal(ipv6 bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return false }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            let embedded = bytes[12...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return isGlobal(ipv4: embedded)
        }
        func matches(_ prefix: [UInt8], bits: Int) -> Bool {
            for bit in 0..<bits {
                let byte = bit / 8
                let mask = UInt8(0x80) >> UInt8(bit % 8)
                if (bytes[byte] & mask) != (prefix[byte] & mask) { return false }
            }
            return true
        }
        func prefix(_ leading: [UInt8]) -> [UInt8] {
            leading + [UInt8](repeating: 0, count: 16 - leading.count)
        }
        if bytes.allSatisfy({ $0 == 0 }) { return false }  // ::
        if bytes[0..<15].allSatisfy({ $0 == 0 }), bytes[15] == 1 { return false }  // ::1
        let blocked: [([UInt8], Int)] = [
            (prefix([0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01]), 48), (prefix([0x01, 0x00]), 64),
            (prefix([0x20, 0x01]), 23), (prefix([0x20, 0x01, 0x0D, 0xB8]), 32),
            (prefix([0x20, 0x02]), 16),
            (prefix([0xFC]), 7), (prefix([0xFE, 0x80]), 10), (prefix([0xFE, 0xC0]), 10),
        ]
        return !blocked.contains { matches($0.0, bits: $0.1) }
    }
}

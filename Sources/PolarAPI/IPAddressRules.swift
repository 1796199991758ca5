#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// IP literal parsing as URL parsers do it, and "is this globally routable?" as Python's
/// `ipaddress` answers it (Polar's check uses `is_global`).
package enum IPAddressRules {
    /// Parses an IPv4 host the WHATWG way (`127.1`, `0x7f.0.0.1` and `2130706433` are all
    /// 127.0.0.1). Returns nil when the host is not an IPv4 literal at all, `.failure` when it
    /// looks like one but is malformed.
    package static func parseIPv4(_ host: String) -> Result<[UInt8], ParseError>? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "", parts.count > 1 { parts.removeLast() }
        guard let last = parts.last, parseNumber(last) != nil else { return nil }
        guard parts.count <= 4 else { return .failure(ParseError()) }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseNumber(part) else { return .failure(ParseError()) }
            numbers.append(number)
        }
        for number in numbers.dropLast() where number > 255 { return .failure(ParseError()) }
        let lastLimit = UInt64(1) << (8 * UInt64(5 - numbers.count))
        guard let lastNumber = numbers.last, lastNumber < lastLimit else {
            return .failure(ParseError())
        }
        var value = lastNumber
        for (index, number) in numbers.dropLast().enumerated() {
            value += number << (8 * UInt64(3 - index))
        }
        return .success([
            UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF),
            UInt8(value & 0xFF),
        ])
    }

    package struct ParseError: Error {}

    private static func parseNumber(_ text: String) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var digits = Substring(text)
        var radix = 10
        if digits.count >= 2, digits.lowercased().hasPrefix("0x") {
            digits = digits.dropFirst(2)
            radix = 16
            if digits.isEmpty { return 0 }
        } else if digits.count >= 2, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        guard digits.count <= 20 else { return nil }
        return UInt64(digits, radix: radix)
    }

    /// 16 bytes of an IPv6 literal (without brackets), or nil.
    package static func parseIPv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        let ok = text.withCString { inet_pton(AF_INET6, $0, &address) }
        guard ok == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The canonical text form of IPv6 bytes (compressed, lower-case).
    package static func formatIPv6(_ bytes: [UInt8]) -> String {
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { raw in
            for (index, byte) in bytes.prefix(16).enumerated() { raw[index] = byte }
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    package static func formatIPv4(_ bytes: [UInt8]) -> String {
        bytes.map(String.init).joined(separator: ".")
    }

    // MARK: Routability

    private struct Network {
        let prefix: [UInt8]
        let bits: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == prefix.count else { return false }
            var remaining = bits
            for index in 0..<prefix.count where remaining > 0 {
                let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
                if address[index] & mask != prefix[index] & mask { return false }
                remaining -= 8
            }
            return true
        }
    }

    private static func v4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ bits: Int) -> Network {
        Network(prefix: [a, b, c, d], bits: bits)
    }

    private static func v6(_ groups: [UInt16], _ bits: Int) -> Network {
        var bytes: [UInt8] = []
        for group in groups + [UInt16](repeating: 0, count: 8 - groups.count) {
            bytes.append(UInt8(group >> 8))
            bytes.append(UInt8(group & 0xFF))
        }
        return Network(prefix: bytes, bits: bits)
    }

    /// Python's `IPv4Address.is_private` networks plus the shared address space (100.64/10).
    private static let nonGlobalV4: [Network] = [
        v4(0, 0, 0, 0, 8), v4(10, 0, 0, 0, 8), v4(100, 64, 0, 0, 10), v4(127, 0, 0, 0, 8),
        v4(169, 254, 0, 0, 16),
        v4(172, 16, 0, 0, 12), v4(192, 0, 0, 0, 29), v4(192, 0, 0, 170, 31), v4(192, 0, 2, 0, 24),
        v4(192, 168, 0, 0, 16), v4(198, 18, 0, 0, 15), v4(198, 51, 100, 0, 24), v4(203, 0, 113, 0, 24),
        v4(240, 0, 0, 0, 4), v4(255, 255, 255, 255, 32),
    ]

    /// Python's `IPv6Address.is_private` networks.
    private static let nonGlobalV6: [Network] = [
        v6([0, 0, 0, 0, 0, 0, 0, 1], 128), v6([], 128), v6([0, 0, 0, 0, 0, 0xFFFF], 96),
        v6([0x64, 0xFF9B, 1], 48),
        v6([0x100], 64), v6([0x2001], 23), v6([0x2001, 0xDB8], 32), v6([0x2001, 0x10], 28),
        v6([0xFC00], 7),
        v6([0xFE80], 10),
    ]

    package static func isGlobal(ipv4 bytes: [UInt8]) -> Bool { !nonGlobalV4.contains { $0.contains(bytes) } }
    package static func isGlobal(ipv6 bytes: [UInt8]) -> Bool { !nonGlobalV6.contains { $0.contains(bytes) } }

    /// True for loopback addresses and the name `localhost`: the only places the emulator
    /// delivers to unless told otherwise.
    package static func isLoopback(host rawHost: String) -> Bool {
        var host = rawHost.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if host == "localhost" { return true }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if let bytes = parseIPv6(host) {
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            // IPv4-mapped loopback.
            return bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] && bytes[12] == 127
        }
        if case .success(let bytes)? = parseIPv4(host) { return bytes[0] == 127 }
        return false
    }
}

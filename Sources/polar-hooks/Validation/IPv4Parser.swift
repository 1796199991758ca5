/// Reads a host as an IPv4 address the way URL parsers do (WHATWG), so that `127.1`,
/// `0x7f.0.0.1` and `2130706433` are all seen as 127.0.0.1, as the server sees them.
enum IPv4Parser {
    /// The address, or nil when the host is a name rather than an IPv4 address.
    static func parse(_ host: String) -> UInt32? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        guard (1...4).contains(parts.count), let last = parts.last, number(last) != nil else {
            return nil
        }
        var numbers: [UInt64] = []
        for part in parts {
            guard let value = number(part) else { return nil }
            numbers.append(value)
        }
        for value in numbers.dropLast() where value > 255 { return nil }
        guard let lastValue = numbers.last, lastValue < (UInt64(1) << (8 * UInt64(5 - numbers.count)))
        else {
            return nil
        }
        var address = lastValue
        for (index, value) in numbers.dropLast().enumerated() {
            address += value << UInt64(8 * (3 - index))
        }
        return UInt32(truncatingIfNeeded: address)
    }

    /// A decimal, `0x` hexadecimal or leading-zero octal number, as URL hosts allow.
    private static func number(_ text: String) -> UInt64? {
        guard !text.isEmpty else { return nil }
        let lowered = text.lowercased()
        if lowered.hasPrefix("0x") {
            let digits = lowered.dropFirst(2)
            return digits.isEmpty ? 0 : UInt64(digits, radix: 16)
        }
        if lowered.count > 1, lowered.hasPrefix("0") { return UInt64(lowered.dropFirst(), radix: 8) }
        return UInt64(lowered, radix: 10)
    }
}

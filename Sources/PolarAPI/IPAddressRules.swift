/// IP literals as URL parsers read them (the WHATWG rules pydantic's parser follows), and
/// "is this globally routable?" as Python 3.14's `ipaddress` answers it, which is what Polar's
/// server asks (CONTRACT.md §2.3, rule 4).
package enum IPAddressRules {
    package struct ParseError: Error {}

    // MARK: IPv4

    /// Whether a host name's last label is a number, which makes the URL parser read the whole
    /// host as IPv4 (`09.1` is then an invalid address, not a name).
    package static func endsInANumber(_ host: String) -> Bool {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "" {
            if parts.count == 1 { return false }
            parts.removeLast()
        }
        guard let last = parts.last, !last.isEmpty else { return false }
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return parseNumber(last) != nil
    }

    /// Parses an IPv4 host the WHATWG way (`127.1`, `0x7f.0.0.1` and `2130706433` are all
    /// 127.0.0.1). Nil when the host does not end in a number (so it is a name); `.failure`
    /// when it does but is no address.
    package static func parseIPv4(_ host: String) -> Result<[UInt8], ParseError>? {
        guard endsInANumber(host) else { return nil }
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "", parts.count > 1 { parts.removeLast() }
        guard parts.count <= 4 else { return .failure(ParseError()) }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseNumber(part) else { return .failure(ParseError()) }
            numbers.append(number)
        }
        for number in numbers.dropLast() where number > 255 { return .failure(ParseError()) }
        let lastLimit = UInt64(1) << (8 * UInt64(5 - numbers.count))
        guard let lastNumber = numbers.last, lastNumber < lastLimit else { return .failure(ParseError()) }
        var value = lastNumber
        for (index, number) in numbers.dropLast().enumerated() {
            value += number << (8 * UInt64(3 - index))
        }
        return .success([
            UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
        ])
    }

    /// One dotted part: decimal, `0x` hexadecimal (`0x` alone is 0) or `0` octal; nil when it
    /// is not a number or exceeds what any address holds.
    private static func parseNumber(_ text: Substring) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var digits = text
        var radix: UInt64 = 10
        if digits.count >= 2, digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
            if digits.isEmpty { return 0 }
        } else if digits.count >= 2, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for character in digits {
            guard character.isASCII, let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
            value = value * radix + UInt64(digit)
            // Anything over 2^32 is refused later; stop before overflowing.
            if value > UInt64(UInt32.max) * 256 { return UInt64(UInt32.max) * 256 }
        }
        return value
    }

    package static func formatIPv4(_ bytes: [UInt8]) -> String {
        bytes.map(String.init).joined(separator: ".")
    }

    // MARK: IPv6

    /// The eight pieces of an IPv6 literal (without brackets), parsed by the WHATWG algorithm
    /// (a dotted IPv4 tail allowed, no zone id); nil when it is no address.
    package static func parseIPv6(_ text: String) -> [UInt16]? {
        let input = Array(text.unicodeScalars)
        var address = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int? = nil
        var pointer = 0
        func at(_ index: Int) -> Unicode.Scalar? { index < input.count ? input[index] : nil }
        func hexValue(_ scalar: Unicode.Scalar?) -> UInt16? {
            guard let scalar, scalar.isASCII, let digit = Character(scalar).hexDigitValue else { return nil }
            return UInt16(digit)
        }
        func decimalValue(_ scalar: Unicode.Scalar?) -> Int? {
            guard let scalar, ("0"..."9").contains(scalar) else { return nil }
            return Int(scalar.value - 0x30)
        }
        if at(0) == ":" {
            guard at(1) == ":" else { return nil }
            pointer = 2
            pieceIndex = 1
            compress = 1
        }
        while at(pointer) != nil {
            guard pieceIndex < 8 else { return nil }
            if at(pointer) == ":" {
                guard compress == nil else { return nil }
                pointer += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt16 = 0
            var length = 0
            while length < 4, let digit = hexValue(at(pointer)) {
                value = value * 16 + digit
                pointer += 1
                length += 1
            }
            if at(pointer) == "." {
                guard length > 0, pieceIndex <= 6 else { return nil }
                pointer -= length
                var numbersSeen = 0
                while at(pointer) != nil {
                    var piece: Int? = nil
                    if numbersSeen > 0 {
                        guard at(pointer) == ".", numbersSeen < 4 else { return nil }
                        pointer += 1
                    }
                    guard decimalValue(at(pointer)) != nil else { return nil }
                    while let digit = decimalValue(at(pointer)) {
                        switch piece {
                        case nil: piece = digit
                        case 0?: return nil
                        case let current?: piece = current * 10 + digit
                        }
                        guard let current = piece, current <= 255 else { return nil }
                        pointer += 1
                    }
                    address[pieceIndex] = address[pieceIndex] &* 0x100 &+ UInt16(piece ?? 0)
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
                }
                guard numbersSeen == 4 else { return nil }
                break
            } else if at(pointer) == ":" {
                pointer += 1
                guard at(pointer) != nil else { return nil }
            } else if at(pointer) != nil {
                return nil
            }
            address[pieceIndex] = value
            pieceIndex += 1
        }
        if let compress {
            var swaps = pieceIndex - compress
            pieceIndex = 7
            while pieceIndex != 0, swaps > 0 {
                address.swapAt(pieceIndex, compress + swaps - 1)
                pieceIndex -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            return nil
        }
        return address
    }

    /// The WHATWG serialisation: lower-case hex, the first longest run of two or more zero
    /// pieces compressed, never a dotted tail (`::ffff:8.8.8.8` → `::ffff:808:808`).
    package static func formatIPv6(_ pieces: [UInt16]) -> String {
        var compress: Int? = nil
        var longest = 1
        var index = 0
        while index < pieces.count {
            guard pieces[index] == 0 else {
                index += 1
                continue
            }
            var end = index
            while end < pieces.count, pieces[end] == 0 { end += 1 }
            if end - index > longest {
                longest = end - index
                compress = index
            }
            index = end
        }
        var out = ""
        var skippingZeros = false
        for (position, piece) in pieces.enumerated() {
            if skippingZeros, piece == 0 { continue }
            skippingZeros = false
            if compress == position {
                out += position == 0 ? "::" : ":"
                skippingZeros = true
                continue
            }
            out += String(piece, radix: 16)
            if position != pieces.count - 1 { out += ":" }
        }
        return out
    }

    /// The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) stands for.
    package static func mappedIPv4(_ pieces: [UInt16]) -> [UInt8]? {
        guard pieces.count == 8, pieces[0..<5].allSatisfy({ $0 == 0 }), pieces[5] == 0xFFFF else { return nil }
        return [UInt8(pieces[6] >> 8), UInt8(pieces[6] & 0xFF), UInt8(pieces[7] >> 8), UInt8(pieces[7] & 0xFF)]
    }

    // MARK: Routability (Python 3.14 `ipaddress`)

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
        Network(prefix: bytes(groups + [UInt16](repeating: 0, count: 8 - groups.count)), bits: bits)
    }

    private static func bytes(_ pieces: [UInt16]) -> [UInt8] {
        pieces.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// `IPv4Address._private_networks` and its exceptions, as in Python 3.13 and later.
    /// **[unsure]** CONTRACT.md §2.3 rule 4: the verdict depends on the server's Python; we follow
    /// its stated default (3.14: `192.0.0.9`/`.10` global, `192.0.0.8` and `[2002::1]` not).
    private static let privateV4: [Network] = [
        v4(0, 0, 0, 0, 8), v4(10, 0, 0, 0, 8), v4(127, 0, 0, 0, 8), v4(169, 254, 0, 0, 16),
        v4(172, 16, 0, 0, 12), v4(192, 0, 0, 0, 24), v4(192, 0, 0, 170, 31), v4(192, 0, 2, 0, 24),
        v4(192, 168, 0, 0, 16), v4(198, 18, 0, 0, 15), v4(198, 51, 100, 0, 24), v4(203, 0, 113, 0, 24),
        v4(240, 0, 0, 0, 4), v4(255, 255, 255, 255, 32),
    ]
    private static let privateV4Exceptions: [Network] = [v4(192, 0, 0, 9, 32), v4(192, 0, 0, 10, 32)]
    /// Shared address space: not private, yet not global either.
    private static let sharedV4 = v4(100, 64, 0, 0, 10)

    /// `IPv6Address._private_networks` and its exceptions. `3fff::/20` (RFC 9637) is in the
    /// 3.14 list; **[unsure]** per CONTRACT.md §2.3, which follows the server's Python 3.14.
    private static let privateV6: [Network] = [
        v6([0, 0, 0, 0, 0, 0, 0, 1], 128), v6([], 128), v6([0, 0, 0, 0, 0, 0xFFFF], 96),
        v6([0x64, 0xFF9B, 1], 48), v6([0x100], 64), v6([0x2001], 23), v6([0x2001, 0xDB8], 32),
        v6([0x2002], 16), v6([0x3FFF], 20), v6([0xFC00], 7), v6([0xFE80], 10),
    ]
    private static let privateV6Exceptions: [Network] = [
        v6([0x2001, 1, 0, 0, 0, 0, 0, 1], 128), v6([0x2001, 1, 0, 0, 0, 0, 0, 2], 128), v6([0x2001, 3], 32),
        v6([0x2001, 4, 0x112], 48), v6([0x2001, 0x20], 28), v6([0x2001, 0x30], 28),
    ]

    package static func isGlobal(ipv4 address: [UInt8]) -> Bool {
        let isPrivate =
            privateV4.contains { $0.contains(address) } && !privateV4Exceptions.contains { $0.contains(address) }
        return !sharedV4.contains(address) && !isPrivate
    }

    /// An IPv4-mapped address is judged as the IPv4 address it maps (Python 3.13 and later).
    package static func isGlobal(ipv6 pieces: [UInt16]) -> Bool {
        if let mapped = mappedIPv4(pieces) { return isGlobal(ipv4: mapped) }
        let address = bytes(pieces)
        return !(privateV6.contains { $0.contains(address) } && !privateV6Exceptions.contains { $0.contains(address) })
    }

    // MARK: Loopback

    /// True for loopback addresses and the name `localhost`: the only places the emulator
    /// delivers to unless told otherwise.
    package static func isLoopback(host rawHost: String) -> Bool {
        var host = rawHost.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if host == "localhost" { return true }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.contains(":") {
            guard let pieces = parseIPv6(host) else { return false }
            if pieces == [0, 0, 0, 0, 0, 0, 0, 1] { return true }
            return mappedIPv4(pieces)?.first == 127
        }
        if case .success(let bytes)? = parseIPv4(host) { return bytes[0] == 127 }
        return false
    }
}

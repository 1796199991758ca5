/// The escape sequences that put text on the system clipboard through the terminal
/// (OSC 52), so copying works over SSH and inside tmux.
enum ClipboardSequence {
    /// The bytes to write for `text`. Inside tmux (`insideTmux`) the plain sequence is
    /// followed by the same sequence wrapped for passthrough (`\ePtmux;` with every Esc
    /// doubled, then `\e\\`): tmux takes the plain one when `set-clipboard` is on and the
    /// wrapped one when `allow-passthrough` is on; the outer terminal gets the same text
    /// either way.
    static func osc52(_ text: String, insideTmux: Bool) -> [UInt8] {
        let plain = Array("\u{1B}]52;c;".utf8) + Base64.encode(Array(text.utf8)) + [0x07]
        guard insideTmux else { return plain }
        var wrapped = Array("\u{1B}Ptmux;".utf8)
        for byte in plain {
            if byte == 0x1B { wrapped.append(0x1B) }
            wrapped.append(byte)
        }
        wrapped += Array("\u{1B}\\".utf8)
        return plain + wrapped
    }
}

/// Standard Base64 (RFC 4648) with padding; small enough not to pull in Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let values = Array(chunk) + Array(repeating: 0, count: 3 - chunk.count)
            let group = UInt32(values[0]) << 16 | UInt32(values[1]) << 8 | UInt32(values[2])
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return output
    }
}

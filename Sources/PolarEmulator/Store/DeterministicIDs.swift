import FoundationEssentials

/// UUIDv4-shaped ids from a fixed seed (SplitMix64), so sample data looks the same on every run.
/// Also the seeded random number generator of the traffic and the demo receivers.
struct DeterministicIDs: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 { next64() }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count {
            let word = next64()
            for shift in stride(from: 0, to: 64, by: 8) where out.count < count {
                out.append(UInt8(word >> UInt64(shift) & 0xFF))
            }
        }
        return out
    }

    mutating func uuid() -> String {
        var b = bytes(16)
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        let chars = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(
            separator: "-")
    }

    /// A standard-format secret (`whsec_` + base64 of 32 bytes), from the seed rather than
    /// `EndpointSecretRules.generate()`, so sample data is the same on every start.
    mutating func standardSecret() -> String {
        "whsec_" + Data(bytes(32)).base64EncodedString()
    }

    /// A legacy-format secret: `whsec_` + 43 alphanumerics.
    mutating func legacySecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return "whsec_" + String(bytes(43).map { alphabet[Int($0) % alphabet.count] })
    }
}

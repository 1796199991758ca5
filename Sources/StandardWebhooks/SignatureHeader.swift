/// Parsing of the `webhook-signature` header: space-separated `version,base64` entries.
enum SignatureHeader {
    /// The base64 parts of all `v1,` entries; other versions (`v1a`, `v2`, …) are ignored.
    static func versionOneSignatures(in header: String) -> [Substring] {
        guard header.utf8.allSatisfy({ $0 < 0x80 }) else {
            return header.split(whereSeparator: \.isWhitespace).compactMap(afterVersionOne)
        }
        // ASCII, as Polar sends it: the same split over bytes, without grapheme breaking (the
        // ASCII characters that are whitespace are exactly these bytes).
        var signatures: [Substring] = []
        let bytes = header.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            guard !isASCIIWhitespace(bytes[start]) else {
                start = bytes.index(after: start)
                continue
            }
            var end = start
            while end < bytes.endIndex, !isASCIIWhitespace(bytes[end]) { end = bytes.index(after: end) }
            // "v1," then the signature.
            if bytes.distance(from: start, to: end) >= 3, bytes[start] == UInt8(ascii: "v"),
                bytes[bytes.index(start, offsetBy: 1)] == UInt8(ascii: "1"),
                bytes[bytes.index(start, offsetBy: 2)] == UInt8(ascii: ",")
            {
                signatures.append(header[bytes.index(start, offsetBy: 3)..<end])
            }
            start = end
        }
        return signatures
    }

    private static func afterVersionOne(_ entry: Substring) -> Substring? {
        guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1" else { return nil }
        return entry[entry.index(after: comma)...]
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

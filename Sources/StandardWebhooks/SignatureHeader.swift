/// Parsing of the `webhook-signature` header: space-separated `version,base64` entries.
enum SignatureHeader {
    /// The base64 parts of all `v1,` entries; other versions (`v1a`, `v2`, …) are ignored.
    static func versionOneSignatures(in header: String) -> [Substring] {
        header.split(whereSeparator: \.isWhitespace).compactMap { entry in
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1" else { return nil }
            return entry[entry.index(after: comma)...]
        }
    }
}

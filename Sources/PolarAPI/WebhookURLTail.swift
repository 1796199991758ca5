/// The parts of a webhook URL around the host, normalised as the WHATWG URL parser does for
/// special schemes: user info, then path (dot segments resolved, `\` read as `/`), query and
/// fragment, each with its own set of characters to percent-encode. `%` itself is never encoded.
enum WebhookURLTail {
    /// `user:password@`, or nothing when both are empty.
    static func userinfo(_ text: Substring) -> String {
        guard !text.isEmpty else { return "" }
        let colon = text.firstIndex(of: ":")
        let user = text[..<(colon ?? text.endIndex)]
        let password = colon.map { text[text.index(after: $0)...] } ?? ""
        guard !user.isEmpty || !password.isEmpty else { return "" }
        var out = encode(user, keeping: userinfoSafe)
        if !password.isEmpty { out += ":" + encode(password, keeping: userinfoSafe) }
        return out + "@"
    }

    /// Everything after the authority: `/path?query#fragment`, the path at least `/`.
    static func normalized(_ tail: Substring) -> String {
        var path = tail
        var query: Substring? = nil
        var fragment: Substring? = nil
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") {
            query = path[path.index(after: question)...]
            path = path[..<question]
        }
        var result = normalizedPath(path)
        if let query { result += "?" + encode(query, keeping: querySafe) }
        if let fragment { result += "#" + encode(fragment, keeping: fragmentSafe) }
        return result
    }

    private static func normalizedPath(_ path: Substring) -> String {
        guard !path.isEmpty else { return "/" }
        let components = path.dropFirst().split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "\\" })
        var segments: [String] = []
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            let lowered = component.lowercased()
            if ["..", ".%2e", "%2e.", "%2e%2e"].contains(lowered) {
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            } else if [".", "%2e"].contains(lowered) {
                if isLast { segments.append("") }
            } else {
                segments.append(encode(component, keeping: pathSafe))
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    // Printable ASCII that each part keeps as is (everything else is percent-encoded).
    private static let printable = (0x21...0x7E).map { Unicode.Scalar(UInt8($0)) }
    private static let fragmentSafe = Set(printable).subtracting("\"<>`".unicodeScalars)
    private static let querySafe = Set(printable).subtracting("\"#<>'".unicodeScalars)
    private static let pathSafe = Set(printable).subtracting("\"#<>?`{}".unicodeScalars)
    private static let userinfoSafe = pathSafe.subtracting("/:;=@[\\]^|".unicodeScalars)

    private static func encode(_ text: Substring, keeping safe: Set<Unicode.Scalar>) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, safe.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}

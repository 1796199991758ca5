/// A webhook endpoint URL read, checked and normalised as Polar's server does it (CONTRACT.md
/// §2.3): surrounding white space stripped, at most 2083 UTF-8 bytes, `https` only, a host that
/// is an IDNA 2008 name or a global IP address, then pydantic's normal form (`/` for an empty
/// path, a lower-case punycoded host, `127.1` → `127.0.0.1`, `[::ffff:8.8.8.8]` →
/// `[::ffff:808:808]`, the default port dropped, unsafe characters percent-encoded).
///
/// The one place these rules live: the emulator's validation (which words a ``Failure`` as
/// Polar's 422 item) and the client-side checks (``WebhookURLRules``) both read URLs with it.
public struct WebhookURL: Equatable, Sendable {
    /// The most UTF-8 bytes Polar accepts, counted on the stripped input.
    public static let maximumLength = 2083

    /// The URL as Polar stores it.
    public let normalized: String
    /// `https` (or `http` when insecure URLs are allowed).
    public let scheme: String
    /// The host as stored: a lower-case ASCII name, a dotted IPv4 address or a bracketed IPv6 one.
    public var host: String { parsedHost.serialized }
    /// The port when it is not the scheme's default.
    public let port: Int?

    package let parsedHost: WebhookURLHost

    /// Reads `text` as Polar's server would.
    ///
    /// - Parameter allowInsecure: also accept `http://` and local or private hosts (the
    ///   emulator's `--allow-insecure-urls`, local testing); Polar itself never does.
    /// - Returns: the URL, or the first rule it breaks, in the order the server checks them.
    public static func parse(_ text: String, allowInsecure: Bool = false) -> Result<WebhookURL, Failure> {
        let stripped = PythonWhitespace.strip(text)
        let length = stripped.utf8.count
        if length > maximumLength { return .failure(.tooLong(bytes: length)) }
        // The URL parser trims C0 controls and spaces at both ends and drops tabs and newlines.
        var scalars = Substring(stripped).unicodeScalars[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        let input = String(String.UnicodeScalarView(scalars.filter { !["\t", "\n", "\r"].contains($0) }))
        if input.isEmpty { return .failure(.empty) }

        guard let colon = input.firstIndex(of: ":"), let first = input.first, first.isASCII, first.isLetter,
            input[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return .failure(.notAbsolute) }
        let scheme = input[..<colon].lowercased()
        guard let defaultPort = specialSchemes[scheme] else { return .failure(.scheme(scheme)) }

        // Special schemes take any run of slashes (either way) before the authority.
        var rest = input[input.index(after: colon)...]
        while let next = rest.first, next == "/" || next == "\\" { rest = rest.dropFirst() }
        let authorityEnd = rest.firstIndex { "/\\?#".contains($0) } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var userinfo: Substring = ""
        if let at = authority.lastIndex(of: "@") {
            userinfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
        }
        // The host runs to the first colon outside brackets; the port follows it.
        var insideBrackets = false
        let hostEnd =
            authority.firstIndex { character in
                if character == "[" { insideBrackets = true }
                if character == "]" { insideBrackets = false }
                return character == ":" && !insideBrackets
            } ?? authority.endIndex
        let hostText = authority[..<hostEnd]
        if hostText.isEmpty { return .failure(.unparsable("empty host")) }
        let host: WebhookURLHost
        switch WebhookURLHost.parse(String(hostText)) {
        case .failure(let error): return .failure(.unparsable(error.text))
        case .success(let parsed): host = parsed
        }
        var port: Int? = nil
        if hostEnd < authority.endIndex {
            let portText = authority[authority.index(after: hostEnd)...]
            if !portText.isEmpty {
                var value = 0
                for character in portText {
                    guard character.isASCII, let digit = character.wholeNumberValue else {
                        return .failure(.unparsable("invalid port number"))
                    }
                    value = value * 10 + digit
                    guard value <= 65535 else { return .failure(.unparsable("invalid port number")) }
                }
                port = value == defaultPort ? nil : value
            }
        }

        let allowed = allowInsecure ? ["http", "https"] : ["https"]
        guard allowed.contains(scheme) else { return .failure(.scheme(scheme)) }
        guard host.isValidIDNA else { return .failure(.invalidDomainName) }
        if !allowInsecure, host.isLocalOrPrivate { return .failure(.localOrPrivate(host: host.serialized)) }

        var normalized = scheme + "://" + WebhookURLTail.userinfo(userinfo) + host.serialized
        if let port { normalized += ":\(port)" }
        normalized += WebhookURLTail.normalized(rest[authorityEnd...])
        return .success(WebhookURL(normalized: normalized, scheme: scheme, port: port, parsedHost: host))
    }

    /// The schemes whose URLs have a host and a path of segments, with their default ports.
    /// Others parse as opaque URLs, which Polar refuses for their scheme alone.
    private static let specialSchemes = ["http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21]
}

/// Python's `str.strip()` with no argument: the white space its `str.isspace` knows.
enum PythonWhitespace {
    static func strip(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: true
        default: scalar.properties.isWhitespace
        }
    }
}

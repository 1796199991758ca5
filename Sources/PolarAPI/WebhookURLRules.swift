import Foundation

/// Polar's server rules for a webhook endpoint URL (CONTRACT.md §2.3), checked on the client
/// so a bad URL costs no round trip: https only, a host that is a valid domain name, not
/// localhost nor an IP literal that is not globally routable, at most 2083 characters,
/// surrounding whitespace stripped.
public enum WebhookURLRules {
    /// The longest URL Polar stores, in characters.
    public static let maximumLength = 2083

    /// The first rule `text` breaks, or nil when the server will take it.
    /// - Parameter allowInsecure: also accept `http://` and local or private hosts (for the
    ///   emulator and local testing).
    public static func check(_ text: String, allowInsecure: Bool = false) -> WebhookURLProblem? {
        let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if url.isEmpty { return .empty }
        let length = url.unicodeScalars.count
        if length > maximumLength { return .tooLong(count: length) }
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter,
            url[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return .notAbsolute }
        let scheme = String(url[..<colon])
        let allowed = allowInsecure ? ["http", "https"] : ["https"]
        guard allowed.contains(scheme.lowercased()) else { return .schemeNotHTTPS(scheme: scheme) }

        // Only the two slashes of `https://` introduce the authority: `https:///path` has no host.
        var rest = url[url.index(after: colon)...]
        for _ in 0..<2 {
            if let next = rest.first, next == "/" || next == "\\" { rest = rest.dropFirst() }
        }
        var authority = rest.prefix { !"/\\?#".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var hostPart = authority
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return .invalidHost }
            hostPart = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                return .invalidHost
            }
        } else if let portColon = authority.lastIndex(of: ":") {
            hostPart = authority[..<portColon]
            portText = authority[authority.index(after: portColon)...]
        }
        if hostPart.isEmpty { return .noHost }
        if !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText.prefix(6)),
                port <= 65535
            else { return .invalidHost }
        }
        guard case .success(let host) = WebhookURLHost.parse(String(hostPart)), host.isValidIDNA else {
            return .invalidHost
        }
        if !allowInsecure, host.isLocalOrPrivate { return .localOrPrivate(host: host.serialized) }
        return nil
    }

    /// False for `localhost` and for an IP literal (`127.1`, `[fd00::1]`, …) that is loopback,
    /// private, link-local, shared, reserved or for documentation, as Python's `is_global`
    /// answers it; true for a public IP literal and for every other host name.
    public static func isGloballyRoutable(host: String) -> Bool {
        var text = host
        if text.contains(":"), !text.hasPrefix("[") { text = "[" + text + "]" }
        guard case .success(let parsed) = WebhookURLHost.parse(text) else { return true }
        return !parsed.isLocalOrPrivate
    }

    /// True for `localhost` and loopback addresses in any spelling (`127.1`, `[::1]`,
    /// `::ffff:127.0.0.1`).
    public static func isLoopback(host: String) -> Bool {
        IPAddressRules.isLoopback(host: host)
    }
}

import Foundation

/// The proxy settings of the usual environment variables: `HTTPS_PROXY`, `HTTP_PROXY` and
/// `NO_PROXY` (upper case wins over lower case; empty values count as unset).
///
/// - `HTTPS_PROXY` is used for `https` base URLs, `HTTP_PROXY` for `http` ones; like curl and
///   Go, neither falls back to the other.
/// - `NO_PROXY` is a comma- or space-separated list: `*` (no proxy at all), host names that also
///   cover their subdomains (`example.com`, `.example.com`, `*.example.com`), IP literals, and
///   entries with a port (`host:8080`) that match only that port. CIDR ranges are not supported.
/// - Loopback hosts (`localhost`, `127.x.x.x`, `::1`) are always reached directly, as Go does,
///   so the local emulator works behind a corporate proxy.
public struct ProxySettings: Sendable, Hashable {
    public var httpsProxy: ProxyAddress?
    public var httpProxy: ProxyAddress?
    /// The `NO_PROXY` entries, lower-cased, without empty items.
    public var noProxy: [String]
    /// Settings that were present but could not be used, in words (credentials left out).
    public var problems: [String]

    public init(
        httpsProxy: ProxyAddress? = nil, httpProxy: ProxyAddress? = nil, noProxy: [String] = [],
        problems: [String] = []
    ) {
        self.httpsProxy = httpsProxy
        self.httpProxy = httpProxy
        self.noProxy = noProxy
        self.problems = problems
    }

    /// Reads the variables from an environment dictionary (e.g. `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        func value(_ name: String) -> (name: String, value: String)? {
            for key in [name.uppercased(), name.lowercased()] {
                if let raw = environment[key]?.trimmingWhitespace(), !raw.isEmpty { return (key, raw) }
            }
            return nil
        }
        var problems: [String] = []
        func address(_ name: String) -> ProxyAddress? {
            guard let (key, raw) = value(name) else { return nil }
            switch ProxyAddress.parse(raw) {
            case .success(let address): return address
            case .failure(let reason):
                problems.append("\(key) ignored: \(reason)")
                return nil
            }
        }
        let https = address("https_proxy")
        let http = address("http_proxy")
        let noProxy =
            value("no_proxy")?.value
            .split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map { $0.lowercased() } ?? []
        self.init(httpsProxy: https, httpProxy: http, noProxy: noProxy, problems: problems)
    }

    /// The proxy for requests to `baseURL`, or nil to connect directly.
    public func proxy(forBaseURL baseURL: String) -> ProxyAddress? {
        guard let target = URLTarget(baseURL) else { return nil }
        let candidate = target.scheme == "https" ? httpsProxy : httpProxy
        guard let candidate, !bypasses(host: target.host, port: target.port) else { return nil }
        return candidate
    }

    /// True when `NO_PROXY` (or the loopback rule) says to connect to this host directly.
    public func bypasses(host rawHost: String, port: Int) -> Bool {
        let host = rawHost.lowercased().trimmingCharacters(in: ["[", "]"])
        if Self.isLoopback(host) { return true }
        for entry in noProxy {
            if entry == "*" { return true }
            var pattern = entry
            var requiredPort: Int?
            if let (entryHost, entryPort) = Self.splitPort(entry) {
                pattern = entryHost
                requiredPort = entryPort
            }
            pattern = pattern.trimmingCharacters(in: ["[", "]"])
            if pattern.hasPrefix("*.") {
                pattern.removeFirst(2)
            } else if pattern.hasPrefix(".") {
                pattern.removeFirst()
            }
            guard !pattern.isEmpty else { continue }
            if let requiredPort, requiredPort != port { continue }
            if host == pattern || host.hasSuffix("." + pattern) { return true }
        }
        return false
    }

    /// Splits `host:port` (or `[v6]:port`); nil when the entry has no port.
    private static func splitPort(_ entry: String) -> (String, Int)? {
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { return nil }
            let rest = entry[entry.index(after: close)...]
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (String(entry[...close]), port)
        }
        // A bare IPv6 literal has several colons and no port.
        guard entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":"),
            let port = Int(entry[entry.index(after: colon)...])
        else { return nil }
        return (String(entry[..<colon]), port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
    }
}

/// A proxy server from `HTTP_PROXY`-style settings.
public struct ProxyAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// An HTTP proxy reached with `CONNECT`.
        case http
        /// A SOCKS5 proxy (`socks5://`); credentials are not supported.
        case socks5
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    public var username: String?
    /// Never shown in ``description``.
    public var password: String?

    public init(kind: Kind = .http, host: String, port: Int, username: String? = nil, password: String? = nil) {
        self.kind = kind
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// `http://proxy.example:3128`, without credentials.
    public var description: String { "\(kind.rawValue)://\(host):\(port)" }

    /// Parses `proxy:3128`, `http://user:pass@proxy:3128/` or `socks5://proxy:1080`.
    public static func parse(_ text: String) -> Result<ProxyAddress, ProxyParseFailure> {
        var rest = Substring(text.trimmingWhitespace())
        var kind = Kind.http
        var defaultPort = 80
        if let schemeEnd = rest.range(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            switch scheme {
            case "http": break
            case "socks5", "socks5h":
                kind = .socks5
                defaultPort = 1080
            default:
                return .failure(ProxyParseFailure("unsupported proxy scheme \"\(scheme)\" (use http:// or socks5://)"))
            }
            rest = rest[schemeEnd.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                username = String(credentials[..<colon]).removingPercentEncoding
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
            } else {
                username = String(credentials).removingPercentEncoding
            }
        }
        guard let target = HostAndPort(String(rest), defaultPort: defaultPort) else {
            return .failure(ProxyParseFailure("not a proxy address (expected host:port)"))
        }
        if kind == .socks5, username != nil {
            return .failure(ProxyParseFailure("SOCKS5 proxies with credentials are not supported"))
        }
        return .success(
            ProxyAddress(kind: kind, host: target.host, port: target.port, username: username, password: password))
    }
}

/// Why a proxy setting could not be used. Never contains credentials.
public struct ProxyParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// `host[:port]` or `[v6]:port`.
struct HostAndPort: Hashable {
    var host: String
    var port: Int

    init?(_ text: String, defaultPort: Int) {
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty {
                port = defaultPort
            } else if rest.hasPrefix(":"), let value = Int(rest.dropFirst()) {
                port = value
            } else {
                return nil
            }
        } else if let colon = text.lastIndex(of: ":") {
            guard let value = Int(text[text.index(after: colon)...]) else { return nil }
            host = String(text[..<colon])
            port = value
        } else {
            host = text
            port = defaultPort
        }
        guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
    }
}

/// The scheme, host and port of a base URL such as `https://api.polar.sh` or `http://127.0.0.1:8787`.
struct URLTarget: Hashable {
    var scheme: String
    var host: String
    var port: Int

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        var authority = url[schemeEnd.upperBound...]
        if let slash = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            authority = authority[..<slash]
        }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard let target = HostAndPort(String(authority), defaultPort: scheme == "https" ? 443 : 80) else {
            return nil
        }
        host = target.host.lowercased()
        port = target.port
    }

    /// `127.0.0.1:8787`, `[::1]:8787`.
    var hostAndPort: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

extension String {
    func trimmingWhitespace() -> String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

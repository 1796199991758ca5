import FoundationEssentials
import TextTools

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
                if let raw = environment[key]?.trimmingWhitespaceAndNewlines(), !raw.isEmpty { return (key, raw) }
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
        let host = rawHost.lowercased().trimming(["[", "]"])
        if Self.isLoopback(host) { return true }
        for entry in noProxy {
            if entry == "*" { return true }
            var pattern = entry
            var requiredPort: Int?
            if let (entryHost, entryPort) = Self.splitPort(entry) {
                pattern = entryHost
                requiredPort = entryPort
            }
            pattern = pattern.trimming(["[", "]"])
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
        let trimmed = text.trimmingWhitespaceAndNewlines()
        // `proxy:3128` has no scheme; read as is, `proxy` would be taken for one.
        let url = trimmed.contains("://") ? trimmed : "http://" + trimmed
        let kind: Kind
        switch url.prefix(while: { $0 != ":" }).lowercased() {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks5
        case let scheme:
            return .failure(ProxyParseFailure("unsupported proxy scheme \"\(scheme)\" (use http:// or socks5://)"))
        }
        guard let target = URLTarget(url, defaultPort: kind == .socks5 ? 1080 : 80) else {
            return .failure(ProxyParseFailure("not a proxy address (expected host:port)"))
        }
        if kind == .socks5, target.user != nil {
            return .failure(ProxyParseFailure("SOCKS5 proxies with credentials are not supported"))
        }
        return .success(
            ProxyAddress(
                kind: kind, host: target.host, port: target.port, username: target.user, password: target.password))
    }
}

/// Why a proxy setting could not be used. Never contains credentials.
public struct ProxyParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// The scheme, host, port and credentials of a trusted URL: a base URL such as
/// `https://api.polar.sh` or `http://127.0.0.1:8787`, or a proxy setting. Read with
/// `URLComponents`; webhook URLs, which Polar judges by its own rules, are `WebhookURL`'s.
struct URLTarget: Hashable {
    var scheme: String
    /// Lowercased, without the brackets of an IPv6 literal.
    var host: String
    var port: Int
    /// Percent-decoded.
    var user: String?
    /// Percent-decoded; never shown.
    var password: String?

    /// Nil unless `url` has a scheme, a host and a port in 1...65535 (the scheme's default when
    /// absent: 443 for https, `defaultPort` otherwise).
    init?(_ url: String, defaultPort: Int = 80) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            var host = components.host, !host.isEmpty
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (scheme == "https" ? 443 : defaultPort)
        guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        user = components.user
        password = components.password
    }

    /// `127.0.0.1:8787`, `[::1]:8787`.
    var hostAndPort: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

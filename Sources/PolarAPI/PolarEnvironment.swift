/// Which Polar server to talk to.
public enum PolarEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// `https://api.polar.sh`: real money.
    case production
    /// `https://sandbox-api.polar.sh`: Polar's test mode.
    case sandbox
    /// Any base URL, e.g. the built-in emulator (`http://127.0.0.1:8787`).
    case custom(String)

    /// The base URL requests are made against, without a trailing `/` (paths start `/v1/`).
    public var baseURL: String {
        switch self {
        case .production: "https://api.polar.sh"
        case .sandbox: "https://sandbox-api.polar.sh"
        case .custom(let url): url.hasSuffix("/") ? String(url.dropLast()) : url
        }
    }

    /// Parses `production` or `sandbox` (any case); nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "production", "prod": self = .production
        case "sandbox": self = .sandbox
        default: return nil
        }
    }

    /// Short name for headers and badges: PRODUCTION, SANDBOX or LOCAL/CUSTOM.
    public var badge: String {
        switch self {
        case .production: "PRODUCTION"
        case .sandbox: "SANDBOX"
        case .custom(let url):
            url.contains("127.0.0.1") || url.contains("localhost") || url.contains("[::1]") ? "LOCAL" : "CUSTOM"
        }
    }

    public var description: String {
        switch self {
        case .production: "production"
        case .sandbox: "sandbox"
        case .custom(let url): url
        }
    }
}

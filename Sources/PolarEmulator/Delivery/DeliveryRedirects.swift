import PolarAPI

/// Where deliveries for some hosts really go (``EmulatorOptions/deliveryRedirects``): always a
/// loopback URL, so a redirected delivery never leaves the machine.
struct DeliveryRedirects: Sendable {
    private let targets: [String: String]

    init(_ targets: [String: String]) {
        var lowered: [String: String] = [:]
        for (host, target) in targets {
            lowered[host.lowercased()] = target.hasSuffix("/") ? String(target.dropLast()) : target
        }
        self.targets = lowered
    }

    /// The URL to POST to for an endpoint URL: the redirect's base plus the endpoint's path and
    /// query, or the endpoint URL itself.
    func target(for url: WebhookURL) -> String? {
        guard let base = targets[url.host] else { return nil }
        let afterAuthority = url.normalized.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }
        return base + afterAuthority
    }

    static func isLoopback(_ target: String) -> Bool {
        guard case .success(let url) = WebhookURL.parse(target, allowInsecure: true) else { return false }
        return IPAddressRules.isLoopback(host: url.host)
    }
}

/// Polar's server rules for a webhook endpoint URL (CONTRACT.md §2.3), checked on the client
/// so a bad URL costs no round trip. The rules themselves are ``WebhookURL``'s; this is the
/// short form the dashboard form and the CLI ask while the user types.
public enum WebhookURLRules {
    /// The longest URL Polar stores, in UTF-8 bytes of the stripped text.
    public static let maximumLength = WebhookURL.maximumLength

    /// The first rule `text` breaks, or nil when the server will take it.
    /// - Parameter allowInsecure: also accept `http://` and local or private hosts (for the
    ///   emulator and local testing).
    public static func check(_ text: String, allowInsecure: Bool = false) -> WebhookURLProblem? {
        switch WebhookURL.parse(text, allowInsecure: allowInsecure) {
        case .success: nil
        case .failure(let failure): failure.problem
        }
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

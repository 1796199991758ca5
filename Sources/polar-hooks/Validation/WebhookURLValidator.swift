import FoundationEssentials
import PolarAPI
import TextTools

/// The server's rules for an endpoint URL (PolarAPI's ``WebhookURLRules``), checked before
/// any request so that a bad URL costs no round trip; a broken rule is a usage error.
enum WebhookURLValidator {
    static let maximumLength = WebhookURLRules.maximumLength

    /// The URL with surrounding whitespace removed (as the server strips it), or a refusal.
    /// `allowInsecure` also lets http:// and local hosts through, for the emulator's
    /// `--allow-insecure-urls` or a test server (Polar itself refuses them).
    static func validate(_ text: String, allowInsecure: Bool = false) throws(CLIError) -> String {
        if let problem = WebhookURLRules.check(text, allowInsecure: allowInsecure) {
            let hint = allowInsecure ? "" : " (for the emulator's --allow-insecure-urls, add --allow-insecure-url)"
            throw .usage(problem.description + hint)
        }
        return text.trimmingWhitespaceAndNewlines()
    }
}

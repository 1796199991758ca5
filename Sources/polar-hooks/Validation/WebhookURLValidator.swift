import Foundation
import PolarAPI

/// The server's rules for an endpoint URL (PolarAPI's ``WebhookURLRules``), checked before
/// any request so that a bad URL costs no round trip; a broken rule is a usage error.
enum WebhookURLValidator {
    static let maximumLength = WebhookURLRules.maximumLength

    /// The URL with surrounding whitespace removed (as the server strips it), or a refusal.
    static func validate(_ text: String) throws(CLIError) -> String {
        if let problem = WebhookURLRules.check(text) { throw .usage(problem.description) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

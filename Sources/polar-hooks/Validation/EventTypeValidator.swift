import FoundationEssentials
import PolarAPI
import TextTools

/// Checks event-type names against the catalog before anything is sent.
enum EventTypeValidator {
    /// The types, deduplicated in the order given; an unknown one is refused with the
    /// closest known names.
    static func validate(_ names: [String], option: String) throws(CLIError) -> [WebhookEventType] {
        var seen = Set<WebhookEventType>()
        var types: [WebhookEventType] = []
        for name in names {
            for part in name.split(separator: ",", omittingEmptySubsequences: true) {
                let type = try validate(String(part), option: option)
                if seen.insert(type).inserted { types.append(type) }
            }
        }
        return types
    }

    static func validate(_ name: String, option: String) throws(CLIError) -> WebhookEventType {
        let trimmed = name.trimmingWhitespace()
        let type = WebhookEventType(rawValue: trimmed.lowercased())
        if type.isKnown { return type }
        throw .usage(unknownMessage(trimmed, option: option))
    }

    static func unknownMessage(_ name: String, option: String) -> String {
        let suggestions = WebhookEventCatalog.suggestions(for: name)
        var message = "unknown event type '\(name)' for \(option)"
        switch suggestions.count {
        case 0: break
        case 1: message += "; did you mean '\(suggestions[0])'?"
        default:
            let quoted = suggestions.map { "'\($0)'" }
            message +=
                "; did you mean " + quoted.dropLast().joined(separator: ", ") + " or \(quoted.last ?? "")?"
        }
        return message + " (see 'polar-hooks event-types')"
    }
}

import FoundationEssentials
import TextTools

/// Polar's IDs are UUIDs; anything else is refused before a request is made.
enum IdentifierValidator {
    static func validate(_ text: String, what: String) throws(CLIError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard UUID(uuidString: trimmed) != nil else {
            throw .usage(
                "'\(text)' is not a valid \(what); IDs look like 1dbfc517-0bbf-4301-9ba8-555ca42b9737")
        }
        return trimmed.lowercased()
    }
}

import PolarAPI
import PolarJSON

/// Polar's webhook URL rules (CONTRACT.md §2.3) as the server reports them: PolarAPI's
/// ``WebhookURL`` reads and normalises the URL, and this words its refusal as pydantic's 422 item.
struct URLValidation: Sendable {
    /// Also accept `http://` and loopback or private hosts.
    var allowInsecure: Bool

    static let maxLength = WebhookURL.maximumLength
    static let privateHostMessage = "Webhook URLs cannot point to localhost or private IP addresses."
    static let idnaMessage =
        "Invalid webhook URL: the hostname contains characters not allowed in domain names."

    /// The normalised URL, or the first rule it breaks.
    func validate(_ value: JSONValue, loc: [JSONValue]) -> Result<String, ValidationItem> {
        guard case .string(let text) = value else {
            return .failure(
                ValidationItem(type: "url_type", loc: loc, msg: "URL input should be a string or URL", input: value))
        }
        switch WebhookURL.parse(text, allowInsecure: allowInsecure) {
        case .success(let url): return .success(url.normalized)
        case .failure(let failure): return .failure(item(for: failure, loc: loc, input: value))
        }
    }

    private func item(for failure: WebhookURL.Failure, loc: [JSONValue], input: JSONValue) -> ValidationItem {
        func parsing(_ reason: String) -> ValidationItem {
            ValidationItem(
                type: "url_parsing", loc: loc, msg: "Input should be a valid URL, \(reason)", input: input,
                ctx: ["error": .string(reason)])
        }
        switch failure {
        case .empty: return parsing("input is empty")
        case .notAbsolute: return parsing("relative URL without a base")
        case .unparsable(let reason): return parsing(reason)
        case .tooLong:
            return ValidationItem(
                type: "url_too_long", loc: loc, msg: "URL should have at most \(Self.maxLength) characters",
                input: input, ctx: ["max_length": .int(Self.maxLength)])
        case .scheme:
            let expected = ValidationItem.expectedList(allowInsecure ? ["http", "https"] : ["https"])
            return ValidationItem(
                type: "url_scheme", loc: loc, msg: "URL scheme should be \(expected)", input: input,
                ctx: ["expected_schemes": .string(expected)])
        case .invalidDomainName: return .valueError(loc, message: Self.idnaMessage, input: input)
        case .localOrPrivate: return .valueError(loc, message: Self.privateHostMessage, input: input)
        }
    }
}

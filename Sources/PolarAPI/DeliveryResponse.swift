/// Who wrote a delivery's `response` text (CONTRACT.md §3, WebhookDelivery).
///
/// Polar stores the receiver's body when there is one. When a failed attempt brought no body,
/// or no HTTP answer at all, it stores its HTTP client's description of the failure instead
/// (`Server error '500 Internal Server Error' for url '…'`, `Server disconnected without
/// sending a response.`), which must not be shown as if the receiver had said it.
public enum DeliveryResponse: Sendable, Hashable {
    /// Nothing was stored (a 2xx with an empty body).
    case none
    /// The receiver's own body (its first 2,048 characters). Server text: sanitize before display.
    case receiver(String)
    /// Polar's description of a failure: the receiver sent no body, or no answer.
    case polarError(String)
}

extension WebhookDelivery {
    /// The `response` text with its author.
    public var responseSource: DeliveryResponse {
        guard let text = response, !text.isEmpty else { return .none }
        if httpCode == nil { return .polarError(text) }
        if !succeeded, Self.isHTTPClientStatusText(text) { return .polarError(text) }
        return .receiver(text)
    }

    /// The text httpx's `raise_for_status` writes for a bodiless non-2xx answer: a kind, the
    /// quoted status line, the URL, and a pointer to MDN's page for the status.
    static func isHTTPClientStatusText(_ text: String) -> Bool {
        let kinds = ["Informational response '", "Redirect response '", "Client error '", "Server error '"]
        guard let kind = kinds.first(where: { text.hasPrefix($0) }) else { return false }
        let status = text.dropFirst(kind.count).prefix(4)
        guard status.count == 4, status.prefix(3).allSatisfy(\.isASCIIDigit), status.last == " " else { return false }
        return text.contains("\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

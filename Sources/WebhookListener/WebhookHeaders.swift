import Hummingbird

/// A webhook request's headers, read once: every one in the order received (for saving and
/// forwarding) and the first value of each of Polar's. One value per name, the first, for
/// everything that follows: the check, the memory of repeats and the forward all see the same
/// webhook-id, however often a sender repeats it.
struct WebhookHeaders {
    var all: [ReceivedWebhook.Header] = []
    var id: String?
    var timestamp: String?
    var signature: String?
    var apiVersion: String?

    init(_ fields: HTTPFields) {
        all.reserveCapacity(fields.count)
        for field in fields {
            // Canonical names are lower case.
            let name = field.name.canonicalName
            all.append(ReceivedWebhook.Header(name: name, value: field.value))
            switch name {
            case "webhook-id": id = id ?? field.value
            case "webhook-timestamp": timestamp = timestamp ?? field.value
            case "webhook-signature": signature = signature ?? field.value
            case "webhook-api-version": apiVersion = apiVersion ?? field.value
            default: break
            }
        }
    }
}

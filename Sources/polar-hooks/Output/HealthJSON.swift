import FoundationEssentials
import PolarAPI
import PolarJSON

/// `health --json`: one object per endpoint, keys always in the same order, so the bytes of two
/// runs over the same data are identical and a script can diff them.
enum HealthJSON {
    /// The keys, in the order they are written.
    static let keys = [
        "id", "name", "url", "enabled", "state", "consecutive_failures", "last_delivery_at", "last_http_code",
        "last_success_at", "succeeded_24h", "failed_24h", "pending_24h",
    ]

    static func object(_ endpoint: WebhookEndpoint, _ health: EndpointHealth) -> JSONValue {
        .object([
            ("id", .string(endpoint.id)),
            ("name", JSONValue(endpoint.name)),
            ("url", .string(endpoint.url)),
            ("enabled", .bool(endpoint.enabled)),
            ("state", .string(health.state.rawValue)),
            ("consecutive_failures", .int(health.consecutiveFailures)),
            ("last_delivery_at", timestamp(health.lastDelivery?.at)),
            ("last_http_code", JSONValue(health.lastDelivery?.httpCode)),
            ("last_success_at", timestamp(health.lastSuccessAt)),
            ("succeeded_24h", .int(health.day.succeeded)),
            ("failed_24h", .int(health.day.failed)),
            ("pending_24h", .int(health.day.pending)),
        ])
    }

    /// A JSON array with one compact object a line: valid JSON for `jq`, and a line per
    /// endpoint for `grep`.
    static func array(_ objects: [JSONValue]) -> String {
        guard !objects.isEmpty else { return "[]" }
        return "[\n" + objects.map { "  " + $0.serialized() }.joined(separator: ",\n") + "\n]"
    }

    private static func timestamp(_ date: Date?) -> JSONValue {
        date.map { .string(PolarTimestamp.format($0)) } ?? .null
    }
}

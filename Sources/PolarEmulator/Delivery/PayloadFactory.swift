import Foundation
import PolarAPI

/// Builds the body Polar would send for an event: the raw JSON event, or a Discord or Slack
/// message (CONTRACT.md §3, §6.3).
enum PayloadFactory {
    /// The body, or nil when Polar sends nothing for this type and format (renewal-type
    /// `subscription.updated` to Discord or Slack).
    static func payload(type: WebhookEventType, endpoint: WebhookEndpoint, timestamp: Date) -> String? {
        let raw = rawPayload(type: type, organizationId: endpoint.organizationId, apiVersion: endpoint.apiVersion, timestamp: timestamp)
        switch endpoint.format {
        case .raw: return raw.serialized()
        case .discord, .slack:
            if type == "subscription.updated" { return nil }
            let organization = EmulatorOrganizations.all.first { $0.id == endpoint.organizationId }?.name ?? "Polar"
            let message = endpoint.format == .discord
                ? discord(type: type, organization: organization) : slack(type: type, organization: organization)
            return message.serialized()
        }
    }

    static func rawPayload(type: WebhookEventType, organizationId: String, apiVersion: APIVersion, timestamp: Date) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string(type.rawValue)), ("timestamp", .string(PolarTimestamp.format(timestamp))),
            ("api_version", .string(apiVersion.rawValue)),
            ("data", data(type: type, organizationId: organizationId, timestamp: timestamp)),
        ]
        if type == "subscription.migrated" {
            pairs.append(("provider", "stripe"))
            pairs.append(("provider_subscription_id", "sub_emulator"))
        }
        return .object(pairs)
    }

    private static func data(type: WebhookEventType, organizationId: String, timestamp: Date) -> JSONValue {
        let created = JSONValue.string(PolarTimestamp.format(timestamp))
        var pairs: [(String, JSONValue)] = [
            ("id", .string(UUID().uuidString.lowercased())), ("created_at", created), ("modified_at", .null),
        ]
        switch String(type.prefix) {
        case "order":
            pairs += [
                ("status", type == "order.refunded" ? "refunded" : "paid"), ("paid", true),
                ("subtotal_amount", 2500), ("discount_amount", 0), ("net_amount", 2500), ("tax_amount", 0),
                ("total_amount", 2500), ("currency", "usd"), ("billing_reason", "purchase"),
                ("customer_id", .string(UUID().uuidString.lowercased())),
                ("product_id", .string(UUID().uuidString.lowercased())),
            ]
        case "subscription":
            pairs += [
                ("status", type == "subscription.canceled" ? "canceled" : "active"), ("amount", 1500),
                ("currency", "usd"), ("recurring_interval", "month"),
                ("customer_id", .string(UUID().uuidString.lowercased())),
                ("product_id", .string(UUID().uuidString.lowercased())),
            ]
        case "checkout":
            pairs += [("status", type == "checkout.expired" ? "expired" : "open"), ("amount", 2500), ("currency", "usd")]
        case "refund":
            pairs += [("status", "succeeded"), ("amount", 2500), ("currency", "usd"), ("reason", "customer_request")]
        case "customer", "member":
            pairs += [("email", "jane@example.com"), ("name", "Jane Doe")]
        default:
            break
        }
        pairs.append(("organization_id", .string(organizationId)))
        return .object(pairs)
    }

    private static func title(_ type: WebhookEventType) -> String {
        WebhookEventCatalog.entry(for: type)?.summary ?? "Event \(type.rawValue)"
    }

    private static let icon = "https://polar.sh/assets/favicon.png"

    private static func discord(type: WebhookEventType, organization: String) -> JSONValue {
        let embed: JSONValue = [
            "color": 25343, "author": ["name": "Polar.sh", "icon_url": .string(icon)], "thumbnail": ["url": .string(icon)],
            "footer": ["text": "Powered by Polar.sh"], "title": .string(title(type)),
            "description": .string("A `\(type.rawValue)` event from \(organization)."),
            "fields": [["name": "Organization", "value": .string(organization), "inline": true]],
        ]
        return ["content": .string(type.rawValue), "embeds": [embed]]
    }

    private static func slack(type: WebhookEventType, organization: String) -> JSONValue {
        [
            "text": .string(type.rawValue),
            "blocks": [
                [
                    "type": "section", "text": ["type": "mrkdwn", "text": .string("*\(title(type))*")],
                    "fields": [["type": "mrkdwn", "text": .string("*Organization*\n\(organization)")]],
                ],
                ["type": "context", "elements": [["type": "mrkdwn", "text": "Powered by Polar.sh"]]],
            ],
        ]
    }
}

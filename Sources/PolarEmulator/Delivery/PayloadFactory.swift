import Foundation
import PolarAPI
import PolarJSON

/// Builds the body Polar would send for an event: the raw JSON event, or a Discord or Slack
/// message (CONTRACT.md §3, §6.3).
enum PayloadFactory {
    /// The body, or nil when Polar sends nothing for this type and format (renewal-type
    /// `subscription.updated` to Discord or Slack).
    static func payload(type: WebhookEventType, endpoint: WebhookEndpoint, timestamp: Date) -> String? {
        let raw = rawPayload(
            type: type, organizationId: endpoint.organizationId, apiVersion: endpoint.apiVersion,
            timestamp: timestamp)
        switch endpoint.format {
        case .discord, .slack:
            if type == "subscription.updated" { return nil }
            let organization =
                EmulatorOrganizations.all.first { $0.id == endpoint.organizationId }?.name ?? "Polar"
            let message =
                endpoint.format == .discord
                ? discord(type: type, organization: organization)
                : slack(type: type, organization: organization)
            return message.serialized()
        default:
            return raw.serialized()
        }
    }

    static func rawPayload(
        type: WebhookEventType, organizationId: String, apiVersion: APIVersion, timestamp: Date
    ) -> JSONValue {
        let stamp = JSONValue.string(PolarTimestamp.format(timestamp))
        var template: [(String, JSONValue)] = []
        if let text = SamplePayloadData.templates[type.rawValue],
            case .object(let pairs)? = try? JSONParser.parse(Array(text.utf8))
        {
            template = pairs
        }
        var data = template.first { $0.0 == "data" }?.1 ?? .object([])
        if case .object(var fields) = data {
            // A fresh object each time, in this organization, created now.
            for index in fields.indices {
                switch fields[index].0 {
                case "id": fields[index].1 = .string(UUID().uuidString.lowercased())
                case "created_at": fields[index].1 = stamp
                case "organization_id": fields[index].1 = .string(organizationId)
                default: break
                }
            }
            if !fields.contains(where: { $0.0 == "id" }) {
                fields.insert(("id", .string(UUID().uuidString.lowercased())), at: 0)
            }
            data = .object(fields)
        }
        var pairs: [(String, JSONValue)] = [
            ("type", .string(type.rawValue)), ("timestamp", stamp),
            ("api_version", .string(apiVersion.rawValue)),
            ("data", data),
        ]
        pairs += template.filter { !["type", "timestamp", "api_version", "data"].contains($0.0) }
        return .object(pairs)
    }

    private static func title(_ type: WebhookEventType) -> String {
        WebhookEventCatalog.entry(for: type)?.summary ?? "Event \(type.rawValue)"
    }

    private static let icon = "https://polar.sh/assets/favicon.png"

    private static func discord(type: WebhookEventType, organization: String) -> JSONValue {
        let embed: JSONValue = [
            "color": 25343, "author": ["name": "Polar.sh", "icon_url": .string(icon)],
            "thumbnail": ["url": .string(icon)],
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

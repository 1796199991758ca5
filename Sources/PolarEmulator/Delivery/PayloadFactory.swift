import FoundationEssentials
import PolarAPI
import PolarJSON

/// Builds the body Polar would send for an event: the raw JSON event (compact), or a Discord or
/// Slack message (Python `json.dumps` text) (CONTRACT.md §3, §6.3).
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
            let objectId = raw["data"]?["id"]?.stringValue ?? ""
            let message =
                endpoint.format == .discord
                ? discord(type: type, objectId: objectId, organization: organization)
                : slack(type: type, objectId: objectId, organization: organization)
            return message.serialized(style: .python)
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

    // Polar's `settings.FAVICON_URL` and `THUMBNAIL_URL` defaults.
    static let faviconURL =
        "https://raw.githubusercontent.com/polarsource/polar/2648cf7472b5128704a097cd1eb3ae5f1dd847e5/docs/docs/assets/favicon.png"
    static let thumbnailURL =
        "https://raw.githubusercontent.com/polarsource/polar/4fd899222e200ca70982f437039f549b7a822ecc/clients/apps/web/public/email-logo-dark.png"

    /// Polar's generic ("Basic") Discord message (`BaseWebhookPayload.get_discord_payload` with
    /// the branded embed), CONTRACT.md §6.3. Polar gives order, refund and most subscription
    /// events a richer message of their own; the emulator sends this generic one for every type.
    static func discord(type: WebhookEventType, objectId: String, organization: String) -> JSONValue {
        let embed: JSONValue = [
            "color": 25343, "author": ["name": "Polar.sh", "icon_url": .string(faviconURL)],
            "thumbnail": ["url": .string(thumbnailURL)], "footer": ["text": "Powered by Polar.sh"],
            "title": .string(type.rawValue), "description": .string(type.rawValue),
            "fields": [
                ["name": "Object", "value": .string(objectId)],
                ["name": "Organization", "value": .string(organization)],
            ],
        ]
        return ["content": .string(type.rawValue), "embeds": [embed]]
    }

    /// Polar's generic Slack message (`get_slack_payload` with the branded context block).
    static func slack(type: WebhookEventType, objectId: String, organization: String) -> JSONValue {
        [
            "text": .string(type.rawValue),
            "blocks": [
                [
                    "type": "section", "text": ["type": "mrkdwn", "text": .string(type.rawValue)],
                    "fields": [
                        ["type": "mrkdwn", "text": .string("*Object*\n\(objectId)")],
                        ["type": "mrkdwn", "text": .string("*Organization*\n\(organization)")],
                    ],
                ],
                [
                    "type": "context",
                    "elements": [
                        ["type": "image", "image_url": .string(faviconURL), "alt_text": "Polar"],
                        ["type": "mrkdwn", "text": "Powered by Polar.sh"],
                    ],
                ],
            ],
        ]
    }
}

import PolarAPI

/// The API objects as JSON in the server's key order (Foundation's encoder does not keep the
/// order of keyed containers on Linux).
protocol ServerJSONConvertible {
    var serverJSON: JSONValue { get }
}

extension WebhookEndpoint: ServerJSONConvertible {
    var serverJSON: JSONValue {
        [
            "created_at": .string(PolarTimestamp.format(createdAt)),
            "modified_at": modifiedAt.map { .string(PolarTimestamp.format($0)) } ?? .null,
            "id": .string(id), "url": .string(url), "name": JSONValue(name),
            "api_version": .string(apiVersion.rawValue), "format": .string(format.rawValue),
            "secret": .string(secret),
            "organization_id": .string(organizationId),
            "events": .array(events.map { .string($0.rawValue) }),
            "enabled": .bool(enabled),
            "uses_standard_webhook_signature": .bool(usesStandardWebhookSignature),
        ]
    }
}

extension WebhookEvent: ServerJSONConvertible {
    var serverJSON: JSONValue {
        [
            "created_at": .string(PolarTimestamp.format(createdAt)),
            "modified_at": modifiedAt.map { .string(PolarTimestamp.format($0)) } ?? .null,
            "id": .string(id), "last_http_code": JSONValue(lastHttpCode),
            "succeeded": JSONValue(succeeded),
            "skipped": .bool(skipped), "api_version": .string(apiVersion.rawValue),
            "payload": JSONValue(payload),
            "type": .string(type.rawValue), "is_archived": .bool(isArchived),
        ]
    }
}

extension WebhookDelivery: ServerJSONConvertible {
    var serverJSON: JSONValue {
        [
            "created_at": .string(PolarTimestamp.format(createdAt)),
            "modified_at": modifiedAt.map { .string(PolarTimestamp.format($0)) } ?? .null,
            "id": .string(id), "succeeded": .bool(succeeded), "http_code": JSONValue(httpCode),
            "response": JSONValue(response), "webhook_event": webhookEvent.serverJSON,
        ]
    }
}

extension ListResource: ServerJSONConvertible where Item: ServerJSONConvertible {
    var serverJSON: JSONValue {
        [
            "items": .array(items.map(\.serverJSON)),
            "pagination": [
                "total_count": .int(pagination.totalCount), "max_page": .int(pagination.maxPage),
            ],
        ]
    }
}

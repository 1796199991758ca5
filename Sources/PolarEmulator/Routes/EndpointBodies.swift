import PolarAPI
import PolarJSON

/// A validated create body.
struct NewEndpoint: Sendable, Equatable {
    var url: String
    var name: String?
    var apiVersion: APIVersion
    var format: WebhookFormat
    var events: [WebhookEventType]
    /// Present only when the body named one.
    var organizationId: JSONValue?
    var organizationUUID: String?
    var secret: String?
}

enum EndpointBodies {
    /// `WebhookEndpointCreate` (plus the deprecated `secret` with Polar-Version 2026-04).
    static func create(_ pairs: [(String, JSONValue)], version: APIVersion, urlRules: URLValidation)
        -> Result<NewEndpoint, APIFailure>
    {
        var fields = EndpointFields(pairs: pairs, urlRules: urlRules)
        let url = fields.required("url").flatMap { fields.url($0) }
        var name: String? = nil
        if let value = fields.raw("name"), !value.isNull { name = fields.name(value) }
        var apiVersion = APIVersion.v2026_04
        if let value = fields.raw("api_version"), !value.isNull {
            apiVersion = fields.apiVersion(value) ?? apiVersion
        }
        let format = fields.required("format").flatMap { fields.format($0) }
        let events = fields.required("events").flatMap { fields.events($0) }
        var organizationUUID: String? = nil
        let organizationValue = fields.raw("organization_id")
        if let value = organizationValue, !value.isNull {
            organizationUUID = fields.organizationId(value)
        }
        var secret: String? = nil
        if version == .v2026_04, let value = fields.raw("secret"), !value.isNull {
            secret = fields.secret(value)
        }
        guard fields.errors.isEmpty, let url, let format, let events else {
            return .failure(.requestValidation(fields.errors))
        }
        return .success(
            NewEndpoint(
                url: url, name: name, apiVersion: apiVersion, format: format, events: events,
                organizationId: organizationValue?.isNull == false ? organizationValue : nil,
                organizationUUID: organizationUUID, secret: secret))
    }

    /// `WebhookEndpointUpdate`: every field optional, null = unchanged, unknown keys ignored.
    static func update(_ pairs: [(String, JSONValue)], version: APIVersion, urlRules: URLValidation)
        -> Result<EndpointChanges, APIFailure>
    {
        var fields = EndpointFields(pairs: pairs, urlRules: urlRules)
        var changes = EndpointChanges()
        func present(_ key: String) -> JSONValue? {
            guard let value = fields.raw(key), !value.isNull else { return nil }
            return value
        }
        if let value = present("url") { changes.url = fields.url(value) }
        if let value = present("name") { changes.name = fields.name(value) }
        if let value = present("api_version") { changes.apiVersion = fields.apiVersion(value) }
        if let value = present("format") { changes.format = fields.format(value) }
        if let value = present("events") { changes.events = fields.events(value) }
        if let value = present("enabled") { changes.enabled = fields.bool(value, "enabled") }
        if version == .v2026_04, let value = present("secret") { changes.secret = fields.secret(value) }
        guard fields.errors.isEmpty else { return .failure(.requestValidation(fields.errors)) }
        return .success(changes)
    }
}

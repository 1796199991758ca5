import Foundation
import PolarAPI
import TerminalUI

@testable import Dashboard

/// Fixed data and a fixed clock so every snapshot is stable.
enum Fixtures {
    static let utc = DisplayTimeZone.utc
    /// 2026-11-05 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_793_880_000)
    static let organization = Organization(id: "org_acme", name: "Acme Demo", slug: "acme")
    static let secondOrganization = Organization(id: "org_beta", name: "Beta Labs", slug: "beta")

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.date(from: text) ?? now
    }

    static let production = WebhookEndpoint(
        createdAt: date("2026-11-02T14:03:00Z"), modifiedAt: nil, id: "we_01production",
        url: "https://example.com/webhooks/", name: "Production hook", apiVersion: .v2026_10,
        format: .raw,
        secret: "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", organizationId: "org_acme",
        events: [
            "order.created", "order.paid", "order.refunded", "order.updated", "subscription.active",
            "subscription.canceled", "subscription.revoked", "checkout.created",
        ],
        enabled: true, usesStandardWebhookSignature: true)

    static let slack = WebhookEndpoint(
        createdAt: date("2026-10-01T09:30:00Z"), modifiedAt: date("2026-10-20T17:45:00Z"),
        id: "we_02slack",
        url: "https://hooks.slack.com/services/T000/B000/XXXX", name: "Slack alerts",
        apiVersion: .v2026_04,
        format: .slack, secret: "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ABCDEFG",
        organizationId: "org_acme",
        events: ["order.paid", "subscription.canceled", "refund.created"], enabled: false,
        usesStandardWebhookSignature: false)

    static let unnamed = WebhookEndpoint(
        createdAt: date("2026-11-05T11:57:00Z"), modifiedAt: date("2026-11-05T11:58:00Z"),
        id: "we_03all",
        url: "https://api.acme.dev/polar/webhooks/receiver", name: nil, apiVersion: .v2027_01,
        format: .raw,
        secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMw==", organizationId: "org_acme",
        events: WebhookEventCatalog.allTypes, enabled: true, usesStandardWebhookSignature: true)

    static let endpoints = [production, slack, unnamed]

    static func many(_ count: Int) -> [WebhookEndpoint] {
        (0..<count).map { index in
            var endpoint = production
            endpoint.id = "we_bulk\(index)"
            endpoint.name = "Bulk endpoint \(index)"
            endpoint.url = "https://bulk\(index).example.com/hook/"
            return endpoint
        }
    }

    /// A dashboard that has loaded `endpoints` with an organization token.
    static func state(
        width: Int = 120, height: Int = 40, endpoints: [WebhookEndpoint] = endpoints,
        tokenKind: TokenKind = .organization, organizations: [Organization] = [organization]
    ) -> DashboardState {
        var state = DashboardState(
            size: Size(width: width, height: height), now: now, timeZone: utc, environment: .sandbox,
            tokenKind: tokenKind)
        let effects = startLoading(&state)
        for effect in effects {
            switch effect {
            case .loadEndpoints(let id):
                _ = update(&state, .endpointsPage(id, endpoints, totalCount: endpoints.count))
                _ = update(&state, .endpointsLoaded(id))
            case .loadOrganizations(let id):
                _ = update(&state, .organizationsLoaded(id, organizations))
            default:
                break
            }
        }
        return state
    }
}

extension DashboardState {
    /// Sends keys one by one, returning every effect.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(&self, .key($0)) }
    }

    /// Types text one character at a time.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(&self, .key(.character($0))) }
    }

    /// Answers request `id` with Polar's 422: the private-URL issue, then `more`.
    @discardableResult
    mutating func refuseWithPrivateURL(_ id: RequestID, and more: [ValidationIssue] = []) -> [Effect] {
        update(&self, .failed(id, .validation([Fixtures.privateURLIssue] + more)))
    }
}

extension Array where Element == Effect {
    /// The create request among these effects, its id and body; nil when there is none.
    var createRequest: (id: RequestID, body: WebhookEndpointCreate)? {
        for case .createEndpoint(let id, let body) in self { return (id, body) }
        return nil
    }
}

extension Fixtures {
    /// Polar's 422 item for a webhook URL on localhost or a private address.
    static let privateURLIssue = ValidationIssue(
        loc: ["body", "url"], msg: "Value error, Webhook URLs cannot point to localhost or private IP addresses.",
        type: "value_error")
}

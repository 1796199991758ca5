import FoundationEssentials
import PolarAPI

/// The demo data a fresh emulator starts with: endpoints in both organizations (raw, Discord,
/// Slack; one disabled by hand, one legacy-signed, one failing, one disabled by Polar after 10
/// failed events), and a history of deliveries (successes, failures with and without an HTTP
/// answer, retries still pending, an archived event). Ids are fixed; timestamps are relative to
/// `now`.
struct SampleData {
    let now: Date
    // Internal rather than private so the health histories (`SampleData+Health.swift`) reach them.
    var ids = DeterministicIDs(seed: 0x504F_4C41_5248_4F4F)
    var snapshot = StoreSnapshot()

    static func build(now: Date, sample: Bool, seedEndpoints: Int) -> StoreSnapshot {
        var builder = SampleData(now: now)
        if sample { builder.addSamples() }
        if seedEndpoints > 0 { builder.addSeeded(count: seedEndpoints) }
        return builder.snapshot
    }

    private init(now: Date) { self.now = now }

    func ago(days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
        now.addingTimeInterval(-(days * 86_400 + hours * 3600 + minutes * 60))
    }

    /// A disabled endpoint was last modified when it was disabled: `modified`, or 3 days after
    /// it was made.
    mutating func endpoint(
        name: String?, url: String, format: WebhookFormat, events: [WebhookEventType],
        organization: String,
        created: Date, enabled: Bool = true, modified: Date? = nil, legacy: Bool = false,
        apiVersion: APIVersion = .v2026_04
    ) -> WebhookEndpoint {
        let endpoint = WebhookEndpoint(
            createdAt: created, modifiedAt: modified ?? (enabled ? nil : created.addingTimeInterval(86_400 * 3)),
            id: ids.uuid(),
            url: url, name: name, apiVersion: apiVersion, format: format,
            secret: legacy ? ids.legacySecret() : ids.standardSecret(), organizationId: organization,
            events: events,
            enabled: enabled, usesStandardWebhookSignature: !legacy)
        snapshot.endpoints.append(EndpointRecord(endpoint: endpoint, deletedAt: nil))
        return endpoint
    }

    /// How a sample event's attempts are spaced.
    enum AttemptSpacing {
        /// One minute apart.
        case minutes
        /// Polar's backoff (CONTRACT.md §5.4) at the middle of its jitter: 3 s, 6 s, … 768 s.
        case backoff

        func offset(ofAttempt index: Int) -> TimeInterval {
            switch self {
            case .minutes: Double(index) * 60
            case .backoff: (0..<index).reduce(0) { $0 + 1.5 * Double(sign: .plus, exponent: $1 + 1, significand: 1) }
            }
        }
    }

    /// One event and its attempts: `attempts` are (HTTP code or nil, response). A pending event
    /// may have been marked `skipped` (its endpoint was disabled while it waited).
    @discardableResult
    mutating func history(
        _ endpoint: WebhookEndpoint, _ type: WebhookEventType, at created: Date,
        attempts: [(Int?, String?)], spacing: AttemptSpacing = .minutes,
        archived: Bool = false, pending: Bool = false, skipped: Bool = false
    ) -> String {
        let eventId = ids.uuid()
        var payload: String? = nil
        if !archived {
            payload =
                PayloadFactory.payload(type: type, endpoint: endpoint, timestamp: created)
                ?? PayloadFactory.rawPayload(
                    type: type, organizationId: endpoint.organizationId, apiVersion: endpoint.apiVersion,
                    timestamp: created
                ).serialized()
        }
        var lastCode: Int? = nil
        var succeeded: Bool? = nil
        var lastTime = created
        for (index, attempt) in attempts.enumerated() {
            let time = created.addingTimeInterval(spacing.offset(ofAttempt: index) + 1.25)
            let ok = attempt.0.map { (200..<300).contains($0) } ?? false
            snapshot.deliveries.append(
                DeliveryRecord(
                    id: ids.uuid(), createdAt: time, modifiedAt: nil, succeeded: ok, httpCode: attempt.0,
                    response: attempt.1, eventId: eventId, endpointId: endpoint.id))
            // An attempt without an HTTP answer leaves the event's last code as it was.
            if let code = attempt.0 { lastCode = code }
            lastTime = time
            if ok { succeeded = true }
        }
        if succeeded == nil, !pending, !attempts.isEmpty { succeeded = false }
        let event = WebhookEvent(
            createdAt: created, modifiedAt: attempts.isEmpty ? nil : lastTime, id: eventId,
            lastHttpCode: lastCode,
            succeeded: succeeded, skipped: skipped, apiVersion: endpoint.apiVersion, payload: payload,
            type: type,
            isArchived: archived)
        snapshot.events.append(
            EventRecord(event: event, endpointId: endpoint.id, organizationId: endpoint.organizationId))
        return eventId
    }

    private mutating func addSamples() {
        let acme = EmulatorOrganizations.acme.id
        let side = EmulatorOrganizations.sideProject.id
        let orders = endpoint(
            name: "Order fulfilment", url: "https://hooks.acme-demo.example/polar/orders", format: .raw,
            events: [
                "order.created", "order.paid", "order.refunded", "subscription.created",
                "subscription.canceled",
            ],
            organization: acme, created: ago(days: 120))
        let discord = endpoint(
            name: "Team Discord",
            url: "https://discord.com/api/webhooks/1187654321098765432/emulator-token",
            format: .discord, events: ["order.paid", "subscription.created"], organization: acme,
            created: ago(days: 45))
        let slack = endpoint(
            name: "Sales Slack",
            url: "https://hooks.slack.com/services/T0EMULATOR/B0EMULATOR/sampleToken123",
            format: .slack, events: ["order.paid", "refund.created"], organization: acme,
            created: ago(days: 30))
        let staging = endpoint(
            name: "Old staging hook", url: "https://192.168.10.20/polar-webhooks", format: .raw,
            events: ["order.paid"], organization: acme, created: ago(days: 200), enabled: false)
        let legacy = endpoint(
            name: "Legacy CRM sync", url: "https://crm.acme-demo.example/integrations/polar",
            format: .raw,
            events: ["customer.created", "customer.updated", "customer.deleted"], organization: acme,
            created: ago(days: 300), legacy: true)
        let sideRaw = endpoint(
            name: nil, url: "https://api.side-project.example/webhooks/polar", format: .raw,
            events: ["checkout.created", "checkout.updated", "order.paid"], organization: side,
            created: ago(days: 20),
            apiVersion: .v2026_10)
        let sideSlack = endpoint(
            name: "Side Project alerts",
            url: "https://hooks.slack.com/services/T0SIDE/B0SIDE/sideToken456",
            format: .slack, events: ["order.paid", "subscription.canceled"], organization: side,
            created: ago(days: 10))

        history(orders, "order.paid", at: ago(days: 95), attempts: [(200, "OK")], archived: true)
        history(
            legacy, "customer.created", at: ago(days: 9),
            attempts: [
                (nil, DeliveryResponseText.NetworkFailure.refused), (503, "Service Unavailable"),
                (200, "{\"received\":true}"),
            ])
        history(orders, "order.created", at: ago(days: 6), attempts: [(200, "{\"ok\":true}")])
        history(orders, "order.paid", at: ago(days: 6, minutes: -1), attempts: [(200, "{\"ok\":true}")])
        history(
            orders, "subscription.created", at: ago(days: 5),
            attempts: [
                (500, "Internal Server Error"), (502, "<html><body>Bad Gateway</body></html>"), (200, nil),
            ])
        history(discord, "order.paid", at: ago(days: 4), attempts: [(204, nil)])
        history(slack, "order.paid", at: ago(days: 4, minutes: -2), attempts: [(404, "no_service")])
        history(slack, "refund.created", at: ago(days: 3), attempts: [(200, "ok")])
        for day in [60.0, 58, 55] {
            history(
                staging, "order.paid", at: ago(days: day),
                attempts: Array(repeating: (nil, DeliveryResponseText.NetworkFailure.timedOut), count: 3))
        }
        history(
            orders, "order.refunded", at: ago(days: 2), attempts: [(410, "Gone"), (410, "Gone")],
            pending: true)
        history(
            orders, "subscription.canceled", at: ago(days: 1), attempts: [(301, "Moved Permanently")])
        history(
            legacy, "customer.updated", at: ago(hours: 20), attempts: [(200, "{\"received\":true}")])
        history(sideRaw, "checkout.created", at: ago(hours: 12), attempts: [(200, "thanks")])
        history(
            sideRaw, "order.paid", at: ago(hours: 11),
            attempts: [(422, "{\"error\":\"unknown product\"}"), (200, "thanks")])
        history(sideSlack, "order.paid", at: ago(hours: 11, minutes: -1), attempts: [(200, "ok")])
        history(
            discord, "subscription.created", at: ago(hours: 3),
            attempts: [
                (429, "{\"message\": \"You are being rate limited.\", \"retry_after\": 0.3}"), (204, nil),
            ])
        history(orders, "order.paid", at: ago(minutes: 40), attempts: [(200, "{\"ok\":true}")])
        // Added last so every id above stays what it was.
        addFailingEndpoint()
        addAutoDisabledEndpoint()
        snapshot.deliveries.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    private mutating func addSeeded(count: Int) {
        var seeded = DeterministicIDs(seed: 0x5EED_0000_0000_0001)
        let types = WebhookEventCatalog.entries.map(\.type)
        let formats: [WebhookFormat] = [.raw, .raw, .raw, .discord, .slack]
        for index in 0..<count {
            // Spread over the last 400 days, oldest first.
            let created = now.addingTimeInterval(
                -400 * 86_400 + Double(index) * (400 * 86_400 / Double(max(count, 1))))
            let endpoint = WebhookEndpoint(
                createdAt: created, modifiedAt: nil, id: seeded.uuid(),
                url: "https://seed-\(index + 1).acme-demo.example/hooks/polar",
                name: "Seeded endpoint \(index + 1)",
                apiVersion: .v2026_04, format: formats[index % formats.count],
                secret: seeded.standardSecret(),
                organizationId: EmulatorOrganizations.acme.id,
                events: [types[index % types.count], types[(index * 7 + 3) % types.count]],
                enabled: index % 13 != 0,
                usesStandardWebhookSignature: true)
            snapshot.endpoints.append(EndpointRecord(endpoint: endpoint, deletedAt: nil))
        }
    }
}

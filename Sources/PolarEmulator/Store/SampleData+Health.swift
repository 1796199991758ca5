import FoundationEssentials
import PolarAPI

/// Two endpoints whose histories show delivery health (issue 9): one failing, one that Polar
/// disabled. Each failed event spends Polar's 10 attempts with its backoff (CONTRACT.md §5.4).
extension SampleData {
    /// "Inventory sync": after a few successes, its 6 newest completed events failed, the
    /// newest attempt included: `failing 6/10`, still enabled.
    mutating func addFailingEndpoint() {
        let url = "https://inventory.acme-demo.example/webhooks/polar"
        let inventory = endpoint(
            name: "Inventory sync", url: url, format: .raw,
            events: ["order.paid", "order.refunded", "product.updated"], organization: EmulatorOrganizations.acme.id,
            created: ago(days: 90))
        for (hours, type) in [(40.0, "order.paid"), (30, "product.updated"), (20, "order.paid")]
            as [(Double, WebhookEventType)]
        {
            history(inventory, type, at: ago(hours: hours), attempts: [(200, "{\"stocked\":true}")])
        }
        let serverError = DeliveryResponseText.statusError(code: 503, url: url, location: nil)
        let badGateway = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        let attempts: [(Int?, String?)] = (0..<EmulatorStore.maxAttempts).map { attempt in
            switch attempt % 3 {
            case 0: (503, serverError)
            case 1: (502, badGateway)
            default: (nil, DeliveryResponseText.NetworkFailure.timedOut)
            }
        }
        let failed: [(Double, WebhookEventType)] = [
            (14, "order.paid"), (11, "product.updated"), (8, "order.paid"), (5, "order.refunded"), (3, "order.paid"),
            (1.5, "product.updated"),
        ]
        for (hours, type) in failed {
            history(inventory, type, at: ago(hours: hours), attempts: attempts, spacing: .backoff)
        }
    }

    /// "Analytics pipeline": its receiver went away, its last 10 completed events failed, and
    /// Polar disabled it when the 10th failed for good; the two events still retrying then were
    /// marked skipped (CONTRACT.md §5.5).
    mutating func addAutoDisabledEndpoint() {
        let url = "https://analytics.acme-demo.example/ingest/polar"
        let types: [WebhookEventType] = [
            "order.created", "subscription.created", "subscription.canceled", "customer.created",
        ]
        let firstFailure = ago(days: 3)
        let spacing: TimeInterval = 5 * 3600
        // The 10th failed event's last attempt: when Polar disabled the endpoint.
        let disabledAt = firstFailure.addingTimeInterval(
            9 * spacing + AttemptSpacing.backoff.offset(ofAttempt: EmulatorStore.maxAttempts - 1) + 1.25)
        let analytics = endpoint(
            name: "Analytics pipeline", url: url, format: .raw, events: types,
            organization: EmulatorOrganizations.acme.id, created: ago(days: 150), enabled: false, modified: disabledAt)
        history(analytics, "order.created", at: ago(days: 4), attempts: [(202, nil)])
        let notFound = DeliveryResponseText.statusError(code: 404, url: url, location: nil)
        for index in 0..<EmulatorStore.failureThreshold {
            // The receiver first answers 404, then stops listening at all.
            let answer: (Int?, String?) =
                index < 4 ? (404, notFound) : (nil, DeliveryResponseText.NetworkFailure.refused)
            history(
                analytics, types[index % types.count], at: firstFailure.addingTimeInterval(Double(index) * spacing),
                attempts: Array(repeating: answer, count: EmulatorStore.maxAttempts), spacing: .backoff)
        }
        // Pending when it was disabled: the attempts made before then, and no more.
        for minutesBefore in [10.0, 1] {
            let created = disabledAt.addingTimeInterval(-minutesBefore * 60)
            let made = (0..<EmulatorStore.maxAttempts).filter {
                AttemptSpacing.backoff.offset(ofAttempt: $0) + 1.25 < minutesBefore * 60
            }.count
            history(
                analytics, "order.created", at: created,
                attempts: Array(repeating: (nil, DeliveryResponseText.NetworkFailure.refused), count: made),
                spacing: .backoff, pending: true, skipped: true)
        }
    }
}

import Foundation
import PolarAPI

@testable import Dashboard

/// Deliveries of the production endpoint, in no particular order (the browser sorts them).
enum DeliveryFixtures {
    static func event(
        _ id: String, _ type: WebhookEventType, at date: Date, payload: String?
    ) -> WebhookEvent {
        WebhookEvent(
            createdAt: date, modifiedAt: nil, id: id, lastHttpCode: nil, succeeded: nil, skipped: false,
            apiVersion: .v2026_10, payload: payload, type: type, isArchived: payload == nil)
    }

    static let paid = WebhookDelivery(
        createdAt: Fixtures.now - 120, modifiedAt: nil, id: "d1a2b3c4-0000-4000-8000-000000000001",
        succeeded: true, httpCode: 200, response: "{\"ok\":true}",
        webhookEvent: event(
            "e1a2b3c4-0000-4000-8000-00000000000a", "order.paid", at: Fixtures.now - 121,
            payload: "{\"type\":\"order.paid\",\"data\":{\"id\":\"ord_1\",\"amount\":4200}}"))

    static let serverError = WebhookDelivery(
        createdAt: Fixtures.now - 3600, modifiedAt: nil, id: "d2b3c4d5-0000-4000-8000-000000000002",
        succeeded: false, httpCode: 500, response: "Internal Error\u{1B}[31m",
        webhookEvent: event(
            "e2b3c4d5-0000-4000-8000-00000000000b", "subscription.canceled", at: Fixtures.now - 3601,
            payload: "{\"type\":\"subscription.canceled\"}"))

    static let unreachable = WebhookDelivery(
        createdAt: Fixtures.now - 3 * 3600, modifiedAt: nil, id: "d3c4d5e6-0000-4000-8000-000000000003",
        succeeded: false, httpCode: nil, response: "connection refused",
        webhookEvent: event(
            "e3c4d5e6-0000-4000-8000-00000000000c", "order.created", at: Fixtures.now - 3 * 3600 - 1,
            payload: "not json"))

    static let archived = WebhookDelivery(
        createdAt: Fixtures.now - 100 * 86_400, modifiedAt: nil, id: "d4d5e6f7-0000-4000-8000-000000000004",
        succeeded: true, httpCode: 204, response: nil,
        webhookEvent: event(
            "e4d5e6f7-0000-4000-8000-00000000000d", "order.refunded", at: Fixtures.now - 100 * 86_400,
            payload: nil))

    static let all = [unreachable, paid, archived, serverError]

    /// Answers the browser's pending load with `items`.
    static func answer(
        _ state: inout DashboardState, _ effects: [Effect], with items: [WebhookDelivery] = all,
        total: Int? = nil
    ) {
        for effect in effects {
            guard case .loadDeliveries(let id, _, let page) = effect else { continue }
            let pagination = Pagination(totalCount: total ?? items.count, maxPage: 1)
            _ = update(&state, .deliveriesPage(id, items, page: page, pagination: pagination))
        }
    }

    /// The dashboard with the production endpoint's deliveries open and loaded.
    static func browsing(width: Int = 120, height: Int = 40) -> DashboardState {
        var state = Fixtures.state(width: width, height: height)
        let effects = state.press(.character("D"))
        answer(&state, effects)
        return state
    }
}

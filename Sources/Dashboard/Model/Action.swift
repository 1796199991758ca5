import FoundationEssentials
import PolarAPI
import TerminalUI

/// Everything that can happen to the dashboard: keys, resizes, the clock, and answers to
/// effects. `update` turns each into a new state and more effects.
enum Action: Sendable {
    case key(Key)
    case resize(Size)
    /// The clock moved on: expires the status line and turns the spinner.
    case tick(Date)
    case endpointsPage(RequestID, [WebhookEndpoint], totalCount: Int, unreadable: [UnreadableItem] = [])
    case endpointsLoaded(RequestID)
    case organizationsLoaded(RequestID, [Organization])
    case created(RequestID, WebhookEndpoint)
    case updated(RequestID, WebhookEndpoint)
    case deleted(RequestID, id: String)
    case secretReset(RequestID, WebhookEndpoint)
    case failed(RequestID, PolarError)
    /// A page of the deliveries browser.
    case deliveriesPage(
        RequestID, [WebhookDelivery], page: Int, pagination: Pagination, unreadable: [UnreadableItem] = [])
    /// The server queued a redelivery of an event.
    case redelivered(RequestID, eventType: WebhookEventType)
    case secretGenerated(String)
    /// Background refresh: the whole endpoint list.
    case endpointsRefreshed(RequestID, [WebhookEndpoint])
    /// Background refresh: an endpoint's delivery history, brought up to date.
    case healthLoaded(RequestID, endpointID: String, HistoryRefresh)
    /// Background refresh: the open browser's first page.
    case deliveriesRefreshed(RequestID, [WebhookDelivery], pagination: Pagination)
    /// First run: the token or the demo worked.
    case connected(RequestID, environment: PolarEnvironment, tokenKind: TokenKind)
    /// First run: it did not, in words.
    case connectionFailed(RequestID, message: String)
}

import FoundationEssentials
import PolarAPI

/// Work `update` asks for and cannot do itself (it is pure): API calls, randomness, the
/// clipboard, and terminal operations. The effect runner and the loop carry them out and
/// answer with an ``Action``.
enum Effect: Hashable, Sendable {
    case loadEndpoints(RequestID)
    case loadOrganizations(RequestID)
    case createEndpoint(RequestID, WebhookEndpointCreate)
    case updateEndpoint(RequestID, id: String, WebhookEndpointUpdate)
    case deleteEndpoint(RequestID, id: String)
    case resetSecret(RequestID, id: String)
    /// One page of deliveries matching the filter.
    case loadDeliveries(RequestID, DeliveryFilter, page: Int)
    /// `POST /v1/webhooks/events/{id}/redeliver`; the type is for the status line.
    case redeliver(RequestID, eventID: String, eventType: WebhookEventType)
    /// Background refresh: every page of the endpoint list at once.
    case refreshEndpoints(RequestID)
    /// Background refresh: `history` brought up to date (`PolarClient.refreshedHistory`): one
    /// request for what is newer, or a fresh read that may take up to `olderPages` more pages to
    /// see how many events failed in a row.
    case loadHealth(RequestID, endpointID: String, history: DeliveryHistory, olderPages: Int)
    /// Background refresh: the first page of the open deliveries browser.
    case refreshDeliveries(RequestID, DeliveryFilter)
    /// Ring the terminal bell once (`--bell`).
    case bell
    /// A strong secret for the form (randomness is I/O).
    case generateSecret
    /// Esc on a slow request.
    case cancel(RequestID)
    /// OSC 52; the text is a secret, so it is never logged.
    case copyToClipboard(String)
    /// First run: try a pasted token.
    case connect(RequestID, token: String)
    /// First run: start the built-in demo.
    case startDemo(RequestID)
    case redraw
    case suspend
    case quit
}

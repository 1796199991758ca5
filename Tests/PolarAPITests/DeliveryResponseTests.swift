import Foundation
import PolarAPI
import Testing

/// Whose words a delivery's `response` holds, and what a redelivery may still try
/// (CONTRACT.md §3 WebhookDelivery, §2.9, §5.4).
@Suite struct DeliveryResponseTests {
    static func delivery(succeeded: Bool, code: Int?, response: String?) -> WebhookDelivery {
        let event = WebhookEvent(
            createdAt: Date(timeIntervalSince1970: 0), modifiedAt: nil, id: "e1", lastHttpCode: code,
            succeeded: succeeded, skipped: false, apiVersion: .v2026_10, payload: "{}", type: "order.paid",
            isArchived: false)
        return WebhookDelivery(
            createdAt: Date(timeIntervalSince1970: 0), modifiedAt: nil, id: "d1", succeeded: succeeded,
            httpCode: code, response: response, webhookEvent: event)
    }

    static let httpxServerError =
        "Server error '500 Internal Server Error' for url 'https://hooks.example.com/h'\n"
        + "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/500"

    @Test func aBodilessFailureIsPolarsNoteNotTheReceivers() {
        #expect(
            Self.delivery(succeeded: false, code: 500, response: Self.httpxServerError).responseSource
                == .polarError(Self.httpxServerError))
        let redirect =
            "Redirect response '302 Found' for url 'https://a.example/h'\nRedirect location: '/x'\n"
            + "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/302"
        #expect(Self.delivery(succeeded: false, code: 302, response: redirect).responseSource == .polarError(redirect))
    }

    @Test func noHTTPAnswerIsAlwaysPolarsNote() {
        let text = "Server disconnected without sending a response."
        #expect(Self.delivery(succeeded: false, code: nil, response: text).responseSource == .polarError(text))
    }

    @Test func theReceiversOwnBodyStaysTheReceivers() {
        #expect(
            Self.delivery(succeeded: false, code: 500, response: "Internal Error").responseSource
                == .receiver("Internal Error"))
        // A receiver that writes httpx's words on a success is still the receiver.
        #expect(
            Self.delivery(succeeded: true, code: 200, response: Self.httpxServerError).responseSource
                == .receiver(Self.httpxServerError))
        // Almost httpx's text, without the pointer to the status page: the receiver's.
        let lookalike = "Server error '500 Internal Server Error' for url 'x'"
        #expect(Self.delivery(succeeded: false, code: 500, response: lookalike).responseSource == .receiver(lookalike))
    }

    @Test func nothingStoredIsNone() {
        #expect(Self.delivery(succeeded: true, code: 204, response: nil).responseSource == .none)
        #expect(Self.delivery(succeeded: true, code: 200, response: "").responseSource == .none)
    }

    @Test func aRedeliveryGetsWhatIsLeftOfTenAttemptsAndAtLeastOne() {
        #expect(RedeliveryRule.attempts(afterDeliveries: 0) == 10)
        #expect(RedeliveryRule.attempts(afterDeliveries: 4) == 6)
        #expect(RedeliveryRule.attempts(afterDeliveries: 8) == 2)
        #expect(RedeliveryRule.attempts(afterDeliveries: 9) == 1)
        #expect(RedeliveryRule.attempts(afterDeliveries: 25) == 1)
        #expect(RedeliveryRule.singleAttemptNote(afterDeliveries: 8) == nil)
        #expect(RedeliveryRule.singleAttemptNote(afterDeliveries: 10)?.contains("one attempt") == true)
    }
}

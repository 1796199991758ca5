import StandardWebhooks
import Testing

@Suite("Error messages")
struct ErrorMessageTests {
    @Test func eachErrorIsExplainedInWords() {
        let cases: [(WebhookVerificationError, String)] = [
            (.missingHeader("webhook-timestamp"), "no webhook-timestamp header"),
            (.malformedTimestamp("soon"), "not a whole number"),
            (.noVersionOneSignature, "no \"v1,\" entry"),
            (.noMatchingSignature, "No signature"),
        ]
        for (error, phrase) in cases {
            #expect(error.description.contains(phrase), "\(error)")
        }
    }

    @Test func malformedTimestampMessageIsBounded() {
        let message = WebhookVerificationError.malformedTimestamp(String(repeating: "9x", count: 500))
            .description
        #expect(message.count < 200)
    }
}

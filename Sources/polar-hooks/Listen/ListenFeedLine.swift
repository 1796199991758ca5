import Foundation
import PolarAPI
import StandardWebhooks
import TerminalText
import WebhookListener

/// One received webhook as `listen` prints it: a line of text for people, or a line of JSON
/// for scripts. Everything that came over the network is cleaned of control characters first.
enum ListenFeedLine {
    static func text(_ webhook: ReceivedWebhook, color: Bool) -> String {
        line(webhook).rendered(color: color)
    }

    /// The line for people; the console cleans and colours it.
    static func line(_ webhook: ReceivedWebhook) -> StyledText {
        let type = Sanitizer.clean(webhook.eventType ?? "(no type)")
        let check: StyledText =
            switch webhook.verification {
            case .verified(let scheme): .styled("✓ verified", .green) + " (\(schemeName(scheme)))"
            case .failed(let error): .styled("✗ " + error.description, .red)
            case .notChecked: .styled("· not verified (no secret)", .yellow)
            }
        let outcome: StyledText =
            switch webhook.forwarding {
            case .notForwarded: "answered \(webhook.answeredStatus)"
            case .withheld: "not forwarded, answered \(webhook.answeredStatus)"
            case .answered(let status, let milliseconds):
                "→ " + .styled("\(status)", (200..<300).contains(status) ? .green : .red) + " in \(milliseconds) ms"
            case .unreachable(let reason): .styled("→ not forwarded: \(reason)", .red) + ", answered 502"
            }
        let id = webhook.webhookID.map { "  " + StyledText.styled($0, .dim) } ?? StyledText()
        let time = TimeText.short(webhook.receivedAt).suffix(8)
        return "\(time)  \(type.padding(toLength: max(type.count, 28), withPad: " ", startingAt: 0))  " + check + "  "
            + outcome + id
    }

    static func schemeName(_ scheme: SigningScheme) -> String {
        switch scheme {
        case .standard: "Standard Webhooks key"
        case .legacy: "legacy key: the secret's UTF-8 bytes"
        }
    }

    /// The JSON object of one webhook, on one line: every key, in the order of `Record`'s
    /// `CodingKeys`, `null` when absent, so scripts can rely on the shape.
    static func json(_ webhook: ReceivedWebhook) -> String {
        // A record of strings, numbers and flags always encodes; the fallback keeps the type total.
        guard let bytes = try? PolarCoding.answerEncoder.encode(Record(webhook)) else { return "{}" }
        return String(decoding: bytes, as: UTF8.self)
    }

    private struct Record: Encodable {
        var sequence: Int
        var receivedAt: Date
        var path: String
        var webhookId: String?
        var timestamp: String?
        var signature: String?
        var apiVersion: String?
        var type: String?
        var verified: Bool?
        var signing: String?
        var verificationError: String?
        var forwardedStatus: Int?
        var forwardError: String?
        var answeredStatus: Int
        var body: String

        init(_ webhook: ReceivedWebhook) {
            sequence = webhook.sequence
            receivedAt = webhook.receivedAt
            path = webhook.path
            webhookId = webhook.webhookID
            timestamp = webhook.timestamp
            signature = webhook.signature
            apiVersion = webhook.apiVersion
            type = webhook.eventType
            switch webhook.verification {
            case .verified(let scheme):
                verified = true
                signing = scheme.rawValue
            case .failed(let error):
                verified = false
                verificationError = error.description
            case .notChecked:
                break
            }
            switch webhook.forwarding {
            case .answered(let status, _): forwardedStatus = status
            case .unreachable(let reason): forwardError = reason
            case .notForwarded, .withheld: break
            }
            answeredStatus = webhook.answeredStatus
            body = String(decoding: webhook.body, as: UTF8.self)
        }

        enum CodingKeys: String, CodingKey {
            case sequence
            case receivedAt = "received_at"
            case path
            case webhookId = "webhook_id"
            case timestamp
            case signature = "webhook_signature"
            case apiVersion = "api_version"
            case type, verified, signing
            case verificationError = "verification_error"
            case forwardedStatus = "forwarded_status"
            case forwardError = "forward_error"
            case answeredStatus = "answered_status"
            case body
        }
    }
}

import FoundationEssentials
import PolarAPI
import PolarJSON
import StandardWebhooks
import TerminalText
import WebhookListener

/// One received webhook as `listen` prints it: a line of text for people, or a line of JSON
/// for scripts. Everything that came over the network is cleaned of control characters first.
enum ListenFeedLine {
    static func text(_ webhook: ReceivedWebhook, color: Bool) -> String {
        line(webhook).rendered(color: color)
    }

    /// The line for people; the console cleans and colours it. Built by appending to one
    /// `StyledText`, its fixed pieces made once: `listen` builds thousands a second.
    static func line(_ webhook: ReceivedWebhook) -> StyledText {
        let type = Sanitizer.clean(webhook.eventType ?? "(no type)")
        var line = StyledText(clock(webhook.receivedAt) + "  " + type + padding(after: type) + "  ")
        switch webhook.verification {
        case .verified(.standard): line += verifiedStandard
        case .verified(.legacy): line += verifiedLegacy
        case .failed(let error): line += .styled("✗ " + error.description, .red)
        case .notChecked: line += notChecked
        }
        line += "  "
        switch webhook.forwarding {
        case .notForwarded: line += "answered \(webhook.answeredStatus)"
        case .withheld: line += "not forwarded, answered \(webhook.answeredStatus)"
        case .answered(let status, let milliseconds):
            line += "→ " + .styled("\(status)", (200..<300).contains(status) ? .green : .red) + " in \(milliseconds) ms"
        case .unreachable(let reason): line += .styled("→ not forwarded: \(reason)", .red) + ", answered 502"
        case .skippedDuplicate: line += "not forwarded again, answered \(webhook.answeredStatus)"
        }
        switch webhook.recurrence {
        case .first: break
        case .redelivery: line += redelivery
        case .duplicate: line += duplicate
        }
        if let id = webhook.webhookID { line += "  " + .styled(id, .dim) }
        return line
    }

    private static let verifiedStandard = StyledText.styled("✓ verified", .green) + " (\(schemeName(.standard)))"
    private static let verifiedLegacy = StyledText.styled("✓ verified", .green) + " (\(schemeName(.legacy)))"
    private static let notChecked = StyledText.styled("· not verified (no secret)", .yellow)
    private static let redelivery = "  " + StyledText.styled("↻ redelivery", .yellow)
    private static let duplicate = "  " + StyledText.styled("⧉ duplicate (same id and timestamp)", .yellow)

    /// The type column is 28 wide; a longer type pushes the rest along.
    private static let column = String(repeating: " ", count: 28)

    private static func padding(after type: String) -> Substring {
        column.prefix(max(0, 28 - type.count))
    }

    /// `HH:MM:SS` in UTC, the time of day of the tables' timestamps (``TimeText``) without
    /// formatting a whole date for every webhook.
    static func clock(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":"
            + twoDigits(secondOfDay % 60)
    }

    static func schemeName(_ scheme: SigningScheme) -> String {
        switch scheme {
        case .standard: "Standard Webhooks key"
        case .legacy: "legacy key: the secret's UTF-8 bytes"
        }
    }

    /// The JSON object of one webhook, on one line: every key, in the order of `Record`'s
    /// `CodingKeys`, `null` when absent, so scripts can rely on the shape; the console's
    /// `printJSON` escapes what JSON leaves raw (DEL, C1 and bidi controls).
    static func json(_ webhook: ReceivedWebhook) -> String {
        // A record of strings, numbers and flags always encodes; the fallback keeps the type total.
        guard let bytes = try? PolarCoding.answerEncoder.encode(Record(webhook)) else { return "{}" }
        return String(decoding: bytes, as: UTF8.self)
    }

    private struct Record: Encodable {
        var sequence: Int
        var receivedAt: String
        var path: String
        var webhookId: String?
        var timestamp: String?
        var signature: String?
        var apiVersion: String?
        var type: String?
        var verified: Bool?
        var signing: String?
        var verificationError: String?
        var duplicate: Bool
        var redelivery: Bool
        var forwardedStatus: Int?
        var forwardError: String?
        var answeredStatus: Int
        var body: String

        init(_ webhook: ReceivedWebhook) {
            sequence = webhook.sequence
            receivedAt = PolarTimestamp.format(webhook.receivedAt)
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
            duplicate = webhook.recurrence == .duplicate
            redelivery = webhook.recurrence == .redelivery
            switch webhook.forwarding {
            case .answered(let status, _): forwardedStatus = status
            case .unreachable(let reason): forwardError = reason
            case .notForwarded, .withheld, .skippedDuplicate: break
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
            case duplicate, redelivery
            case forwardedStatus = "forwarded_status"
            case forwardError = "forward_error"
            case answeredStatus = "answered_status"
            case body
        }
    }
}

import Foundation
import PolarAPI
import StandardWebhooks
import TerminalText
import WebhookListener

/// One received webhook as `listen` prints it: a line of text for people, or a line of JSON
/// for scripts. Everything that came over the network is cleaned of control characters first.
enum ListenFeedLine {
    static func text(_ webhook: ReceivedWebhook, color: Bool) -> String {
        func paint(_ text: String, _ tint: ANSIColor) -> String { color ? tint.apply(text) : text }
        let type = Sanitizer.clean(webhook.eventType ?? "(no type)")
        let check: String =
            switch webhook.verification {
            case .verified(let scheme): paint("✓ verified", .green) + " (\(schemeName(scheme)))"
            case .failed(let error): paint("✗ " + Sanitizer.clean(error.description), .red)
            case .notChecked: paint("· not verified (no secret)", .yellow)
            }
        let outcome: String =
            switch webhook.forwarding {
            case .notForwarded: "answered \(webhook.answeredStatus)"
            case .withheld: "not forwarded, answered \(webhook.answeredStatus)"
            case .answered(let status, let milliseconds):
                "→ " + paint("\(status)", (200..<300).contains(status) ? .green : .red) + " in \(milliseconds) ms"
            case .unreachable(let reason): paint("→ not forwarded: \(Sanitizer.clean(reason))", .red) + ", answered 502"
            case .skippedDuplicate: "not forwarded again, answered \(webhook.answeredStatus)"
            }
        let recurrence: String =
            switch webhook.recurrence {
            case .first: ""
            case .redelivery: "  " + paint("↻ redelivery", .yellow)
            case .duplicate: "  " + paint("⧉ duplicate (same id and timestamp)", .yellow)
            }
        let id = webhook.webhookID.map { "  " + paint(Sanitizer.clean($0), .dim) } ?? ""
        let time = TimeText.short(webhook.receivedAt).suffix(8)
        return
            "\(time)  \(type.padding(toLength: max(type.count, 28), withPad: " ", startingAt: 0))  \(check)  \(outcome)\(recurrence)\(id)"
    }

    static func schemeName(_ scheme: SigningScheme) -> String {
        switch scheme {
        case .standard: "Standard Webhooks key"
        case .legacy: "legacy key: the secret's UTF-8 bytes"
        }
    }

    /// The JSON object of one webhook, on one line. The values are as received, but every
    /// character the sanitizer counts as a control is written as a `\u` escape (JSON's own
    /// encoder leaves DEL, C1 and bidi controls raw), so the line is safe on a terminal and
    /// still decodes to the exact text.
    static func json(_ webhook: ReceivedWebhook) -> String {
        let record = Record(webhook)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else { return "{}" }
        return escapingControls(String(decoding: data, as: UTF8.self))
    }

    /// `json` with each control scalar left in it as `\uXXXX`; outside strings JSON has none.
    static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: Sanitizer.isControl) else { return json }
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard Sanitizer.isControl(scalar) else {
                escaped.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(escaped)
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

        /// Every key, null when absent, so scripts can rely on the shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sequence, forKey: .sequence)
            try container.encode(receivedAt, forKey: .receivedAt)
            try container.encode(path, forKey: .path)
            try container.encode(webhookId, forKey: .webhookId)
            try container.encode(timestamp, forKey: .timestamp)
            try container.encode(signature, forKey: .signature)
            try container.encode(apiVersion, forKey: .apiVersion)
            try container.encode(type, forKey: .type)
            try container.encode(verified, forKey: .verified)
            try container.encode(signing, forKey: .signing)
            try container.encode(verificationError, forKey: .verificationError)
            try container.encode(duplicate, forKey: .duplicate)
            try container.encode(redelivery, forKey: .redelivery)
            try container.encode(forwardedStatus, forKey: .forwardedStatus)
            try container.encode(forwardError, forKey: .forwardError)
            try container.encode(answeredStatus, forKey: .answeredStatus)
            try container.encode(body, forKey: .body)
        }

        enum CodingKeys: String, CodingKey {
            case sequence, path, timestamp, type, verified, signing, body, duplicate, redelivery
            case receivedAt = "received_at"
            case webhookId = "webhook_id"
            case signature = "webhook_signature"
            case apiVersion = "api_version"
            case verificationError = "verification_error"
            case forwardedStatus = "forwarded_status"
            case forwardError = "forward_error"
            case answeredStatus = "answered_status"
        }
    }
}

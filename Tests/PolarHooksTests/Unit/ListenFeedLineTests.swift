import Foundation
import PolarJSON
import StandardWebhooks
import Testing
import WebhookListener

@testable import polar_hooks

@Suite struct ListenFeedLineTests {
    static func webhook(
        type: String? = "order.paid", verification: ReceivedWebhook.Verification = .verified(.standard),
        forwarding: ReceivedWebhook.Forwarding = .notForwarded, status: Int = 200
    ) -> ReceivedWebhook {
        ReceivedWebhook(
            sequence: 3, receivedAt: Date(timeIntervalSince1970: 1_795_000_000), path: "/hooks",
            webhookID: "evt_1", timestamp: "1795000000", signature: "v1,abc", apiVersion: "2026-10", eventType: type,
            body: Array(#"{"type":"order.paid"}"#.utf8), verification: verification, forwarding: forwarding,
            answeredStatus: status)
    }

    @Test func aLineSaysWhatArrivedWhetherItVerifiedAndWhatBecameOfIt() {
        let line = ListenFeedLine.text(
            Self.webhook(forwarding: .answered(status: 204, milliseconds: 12)), color: false)
        #expect(line.hasPrefix("11:06:40  order.paid"))
        #expect(line.contains("✓ verified (Standard Webhooks key)"))
        #expect(line.contains("→ 204 in 12 ms"))
        #expect(line.hasSuffix("evt_1"))
    }

    @Test func refusalsAndUnreachableTargetsAreWordedAndColouredOnlyWhenAsked() {
        let refused = ListenFeedLine.text(
            Self.webhook(verification: .failed(.noMatchingSignature), status: 401), color: false)
        #expect(refused.contains("✗ No signature in the webhook-signature header matches"))
        #expect(refused.contains("answered 401"))
        let unreachable = ListenFeedLine.text(
            Self.webhook(forwarding: .unreachable(reason: "connection refused"), status: 502), color: true)
        #expect(unreachable.contains("\u{1B}[31m→ not forwarded: connection refused\u{1B}[0m, answered 502"))
    }

    @Test func textFromTheNetworkCannotDriveTheTerminal() {
        let line = ListenFeedLine.text(Self.webhook(type: "order.paid\u{1B}]52;c;evil\u{07}"), color: false)
        #expect(!line.contains("\u{1B}"))
        #expect(!line.contains("\u{07}"))
    }

    @Test func aHostileHeaderQuotedInTheReasonIsCleanedToo() {
        let line = ListenFeedLine.text(
            Self.webhook(verification: .failed(.malformedTimestamp("1\u{9B}31m\u{202E}x")), status: 401), color: false)
        #expect(line.contains("is not a whole number of Unix seconds"))
        #expect(!line.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E })
    }

    @Test func jsonHasEveryKeyNullWhenAbsent() throws {
        let json = ListenFeedLine.json(Self.webhook(verification: .notChecked))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(!json.contains("\n"))
        #expect(
            Set(object.keys) == [
                "sequence", "received_at", "path", "webhook_id", "timestamp", "webhook_signature", "api_version",
                "type", "verified",
                "signing", "verification_error", "forwarded_status", "forward_error", "answered_status", "body",
            ])
        #expect(object["verified"] is NSNull)
        #expect(object["sequence"] as? Int == 3)
        #expect(object["body"] as? String == #"{"type":"order.paid"}"#)
        #expect(object["received_at"] as? String == "2026-11-18T11:06:40Z")
    }

    @Test func jsonKeysComeInAFixedOrderAndTheSameBytesEveryTime() throws {
        let webhook = Self.webhook(forwarding: .answered(status: 204, milliseconds: 12))
        let json = ListenFeedLine.json(webhook)
        guard case .object(let pairs) = try JSONParser.parse(Array(json.utf8)) else {
            Issue.record("not an object: \(json)")
            return
        }
        #expect(
            pairs.map(\.0) == [
                "sequence", "received_at", "path", "webhook_id", "timestamp", "webhook_signature", "api_version",
                "type", "verified", "signing", "verification_error", "forwarded_status", "forward_error",
                "answered_status", "body",
            ])
        for _ in 0..<20 { #expect(ListenFeedLine.json(webhook) == json) }
    }
}
